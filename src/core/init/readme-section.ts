/**
 * The one part of the repository's README.md that init lays: a section between two markers.
 * The rest of the README is the team's; only the marked section is planned, locked and merged.
 */

export const README_PATH = 'README.md';
export const README_SECTION_START = '<!-- mlops-platform:start -->';
export const README_SECTION_END = '<!-- mlops-platform:end -->';

function sectionBounds(readme: string): { start: number; end: number } | undefined {
  const start = readme.indexOf(README_SECTION_START);
  const endMarker = readme.indexOf(README_SECTION_END, start);
  if (start < 0 || endMarker < 0) return undefined;
  const end = endMarker + README_SECTION_END.length;
  return { start, end: readme[end] === '\n' ? end + 1 : end };
}

/** The marked section, markers included, or undefined when the README has none. */
export function readmeSection(readme: string | undefined): string | undefined {
  if (readme === undefined) return undefined;
  const bounds = sectionBounds(readme);
  return bounds ? readme.slice(bounds.start, bounds.end) : undefined;
}

/**
 * The README with the section replaced, appended (after a blank line) or, when `section` is
 * undefined, taken out. A missing README is created with a title, so the section is not the
 * only thing in it.
 */
export function withReadmeSection(
  readme: string | undefined,
  section: string | undefined,
  title: string,
): string | undefined {
  if (readme === undefined) return section === undefined ? undefined : `# ${title}\n\n${section}`;
  const bounds = sectionBounds(readme);
  if (bounds) {
    const before = readme.slice(0, bounds.start);
    const after = readme.slice(bounds.end);
    if (section !== undefined) return before + section + after;
    return `${before.replace(/\n+$/, '\n')}${after.replace(/^\n+/, '')}`;
  }
  if (section === undefined) return readme;
  const separator = readme === '' ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
  return `${readme}${separator}${section}`;
}
