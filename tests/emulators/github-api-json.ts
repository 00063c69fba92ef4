/**
 * The GitHub API emulator's larger representations (users, apps, repositories, environments)
 * with every field GitHub's OpenAPI description requires (simple-user, integration,
 * full-repository, environment), so that answers pass the contract check.
 */

const WEB = 'https://github.com';

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(String(id)).toString('base64url')}`;
}

/** `simple-user`: the author of a comment, the owner of a repository or an app. */
export function simpleUser(api: string, login: string, id: number, type: string) {
  const url = `${api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId(type === 'Organization' ? 'O' : 'U', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    site_admin: false,
  };
}

/** `integration`: the GitHub App that owns a check run. */
export function githubApp(api: string, app: { slug: string; name: string }, at: string) {
  const id = app.slug === 'github-actions' ? 15368 : 900_001;
  return {
    id,
    slug: app.slug,
    node_id: nodeId('A', id),
    owner: simpleUser(
      api,
      app.slug === 'github-actions' ? 'github' : 'acme',
      id + 1,
      'Organization',
    ),
    name: app.name,
    description: '',
    external_url: `${WEB}/apps/${app.slug}`,
    html_url: `${WEB}/apps/${app.slug}`,
    created_at: at,
    updated_at: at,
    permissions: { checks: 'write', metadata: 'read' },
    events: [],
  };
}

/** What GitHub tells of a repository itself (the emulator adds its environments and secrets). */
export interface RepositoryFacts {
  owner: string;
  ownerId: number;
  name: string;
  fullName: string;
  id: number;
  private: boolean;
}

/** `full-repository`, as `GET /repos/{owner}/{repo}` answers it. */
export function fullRepository(api: string, repo: RepositoryFacts, at: string) {
  const url = `${api}/repos/${repo.fullName}`;
  const web = `${WEB}/${repo.fullName}`;
  const templated = (path: string, suffix: string) => `${url}/${path}${suffix}`;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(api, repo.owner, repo.ownerId, 'Organization'),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    html_url: web,
    description: null,
    fork: false,
    url,
    archive_url: templated('{archive_format}', '{/ref}'),
    assignees_url: templated('assignees', '{/user}'),
    blobs_url: templated('git/blobs', '{/sha}'),
    branches_url: templated('branches', '{/branch}'),
    collaborators_url: templated('collaborators', '{/collaborator}'),
    comments_url: templated('comments', '{/number}'),
    commits_url: templated('commits', '{/sha}'),
    compare_url: templated('compare/', '{base}...{head}'),
    contents_url: templated('contents/', '{+path}'),
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: templated('git/commits', '{/sha}'),
    git_refs_url: templated('git/refs', '{/sha}'),
    git_tags_url: templated('git/tags', '{/sha}'),
    hooks_url: `${url}/hooks`,
    issue_comment_url: templated('issues/comments', '{/number}'),
    issue_events_url: templated('issues/events', '{/number}'),
    issues_url: templated('issues', '{/number}'),
    keys_url: templated('keys', '{/key_id}'),
    labels_url: templated('labels', '{/name}'),
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: templated('milestones', '{/number}'),
    notifications_url: templated('notifications', '{?since,all,participating}'),
    pulls_url: templated('pulls', '{/number}'),
    releases_url: templated('releases', '{/id}'),
    stargazers_url: `${url}/stargazers`,
    statuses_url: templated('statuses/', '{sha}'),
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: templated('git/trees', '{/sha}'),
    clone_url: `${web}.git`,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    svn_url: web,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    network_count: 0,
    subscribers_count: 0,
    size: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: at,
    created_at: at,
    updated_at: at,
  };
}

/** `environment`, as `GET /repos/{owner}/{repo}/environments` lists it. */
export function environmentJson(
  api: string,
  fullName: string,
  id: number,
  name: string,
  at: string,
) {
  return {
    id,
    node_id: nodeId('EN', id),
    name,
    url: `${api}/repos/${fullName}/environments/${encodeURIComponent(name)}`,
    html_url: `${WEB}/${fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
    created_at: at,
    updated_at: at,
  };
}
