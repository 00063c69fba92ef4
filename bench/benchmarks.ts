// `npm run bench`: measures the engine side by side in one run and writes BENCHMARKS.md.
// Each comparison alternates its two sides and reports medians, so machine noise hits both.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { loadPipeline } from '../src/adapters/pipeline-loader.js';
import { startAuthEmulators } from '../tests/emulators/auth-emulators.js';
import { startGitHubApiEmulator } from '../tests/emulators/github-api.js';
import { startVertexEmulator } from '../tests/emulators/vertex.js';
import {
  imageServicesReady,
  median,
  NODE,
  PIPELINE,
  python,
  ROOT,
  runByHand,
  runLocal,
  runProcess,
  sideBySide,
  timed,
} from './measure.js';
import { measureReportSize } from './report-size.js';
import { reportSvgRows } from './report-svg.js';
import { benchRunBrowser } from './run-browser.js';
import { batchScoring, type Latency, servingLatency, trainChurnModel } from './scoring.js';
import {
  describeSide,
  sharedSplits,
  sharedSplitsRow,
  trainingQuality,
} from './training-quality.js';

const BATCH_ROWS = Number(process.env.MLOPS_BENCH_BATCH_ROWS ?? 1_000_000);
// `npm run bench -- --only server` (groups: engine, batch, server, training-quality, svg,
// report, ui; comma-separated) measures those rows alone and keeps the other rows of
// BENCHMARKS.md as the last full run wrote them.
const GROUPS = ['engine', 'batch', 'server', 'training-quality', 'svg', 'report', 'ui'] as const;
type Group = (typeof GROUPS)[number];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : (process.argv[onlyAt + 1] ?? '').split(',');
if (only?.some((group) => !(GROUPS as readonly string[]).includes(group)))
  throw new Error(`--only takes ${GROUPS.join(', ')} (comma-separated), got ${only.join(',')}`);
const runs = (group: Group): boolean => !only || only.includes(group);
const groupOf = (name: string): Group =>
  name.startsWith('Run browser')
    ? 'ui'
    : name.startsWith('Run report')
      ? 'report'
      : name.startsWith('Report SVG')
        ? 'svg'
        : name.startsWith('Training on Telco')
          ? 'training-quality'
          : name.startsWith('Prediction server')
            ? 'server'
            : /^(Batch scoring|Peak memory)/.test(name)
              ? 'batch'
              : 'engine';

const workspace = await mkdtemp(path.join(tmpdir(), 'mlops-bench-'));
const rows: string[][] = [];
const add = (name: string, a: string, aMs: number, b: string, bMs: number, note: string): void => {
  rows.push([
    name,
    `${a}: ${aMs.toFixed(1)} ms`,
    `${b}: ${bMs.toFixed(1)} ms`,
    `${(aMs / bMs).toFixed(2)}×`,
    note,
  ]);
  console.log(
    `${name}: ${a} ${aMs.toFixed(1)} ms vs ${b} ${bMs.toFixed(1)} ms (${(aMs / bMs).toFixed(2)}×)`,
  );
};
try {
  if (runs('engine')) {
    // 1. Compile in-process (after a warm-up) and as a CLI process against an empty Node start.
    await loadPipeline(PIPELINE);
    const inProcess: number[] = [];
    for (let i = 0; i < 30; i++) inProcess.push(await timed(() => loadPipeline(PIPELINE)));
    rows.push([
      'Compile reference pipeline in-process (median of 30)',
      `${median(inProcess).toFixed(2)} ms`,
      '',
      '',
      'read 6 component files, compile, strict validation',
    ]);
    console.log(`compile in-process: ${median(inProcess).toFixed(2)} ms`);
    const output = path.join(workspace, 'compiled.yaml');
    const [cli, empty] = await sideBySide(
      10,
      () => runProcess(['dist/cli.js', 'compile', PIPELINE, '--output', output]),
      () => runProcess(['-e', '']),
    );
    add(
      '`mlops compile` process vs `node -e ""`',
      'mlops compile',
      cli,
      'node -e ""',
      empty,
      'the difference is module loading plus the compile',
    );

    // 1b. Start-up of a command that never calls Google, against loading the Google clients alone.
    const [validate, googleClients] = await sideBySide(
      10,
      () => runProcess(['dist/cli.js', 'validate', output]),
      () =>
        runProcess(['--input-type=module', '-e', "await import('./dist/vendor/google-cloud.js')"]),
    );
    add(
      '`mlops validate` process vs loading the Google clients alone',
      'mlops validate',
      validate,
      'import google-cloud.js',
      googleClients,
      'validate never loads the Google clients (dist/vendor/)',
    );

    // 1c. Start-up of commands that never call Google (the target: at most 3× an empty Node),
    // after a first run has filled Node's compile cache, as any later run finds it.
    const smallPipeline = path.join(ROOT, 'tests/fixtures/ir/loop-and-exit-handler.yaml');
    runProcess(['dist/cli.js', 'validate', smallPipeline]);
    const [validateSmall, emptyNode] = await sideBySide(
      15,
      () => runProcess(['dist/cli.js', 'validate', smallPipeline]),
      () => runProcess(['-e', '']),
    );
    add(
      'Start-up: `mlops validate` of a 3-task IR vs `node -e ""`',
      'mlops validate',
      validateSmall,
      'node -e ""',
      emptyNode,
      'loads only the validate command, then reads, parses and checks the file',
    );
    const [validateHelp, emptyForHelp] = await sideBySide(
      15,
      () => runProcess(['dist/cli.js', 'validate', '--help']),
      () => runProcess(['-e', '']),
    );
    add(
      'Start-up: `mlops validate --help` vs `node -e ""`',
      'mlops validate --help',
      validateHelp,
      'node -e ""',
      emptyForHelp,
      "the command's code loaded and its flags parsed, no pipeline read",
    );
    const [version, emptyAgain] = await sideBySide(
      15,
      () => runProcess(['dist/cli.js', '--version']),
      () => runProcess(['-e', '']),
    );
    add(
      'Start-up: `mlops --version` vs `node -e ""`',
      'mlops --version',
      version,
      'node -e ""',
      emptyAgain,
      'loads no command at all',
    );

    // 2. The runner against the same commands by hand, in sequence: what the runner costs.
    const reference = await runLocal(path.join(workspace, 'reference'), false);
    const [runner, byHand] = await sideBySide(
      3,
      () => runLocal(path.join(workspace, 'runner'), false),
      () => runByHand(reference),
    );
    add(
      'Local run (no cache) vs the same commands by hand in sequence',
      'mlops run --local',
      runner,
      'by hand',
      byHand,
      `the tasks form a chain (the candidates train side by side inside one task, on ${availableParallelism()} CPUs): about 1× means the runner adds next to nothing`,
    );

    // 3. A fully cached re-run against a cold run.
    const warmRoot = path.join(workspace, 'warm');
    await runLocal(warmRoot, true);
    let coldIndex = 0;
    const [cold, warm] = await sideBySide(
      3,
      () => runLocal(path.join(workspace, `cold-${coldIndex++}`), true),
      () => runLocal(warmRoot, true),
    );
    add(
      'Cold run vs fully cached re-run',
      'cold',
      cold,
      'cached',
      warm,
      'every task restored from the content-addressed cache',
    );
    // 4. Vertex waits, against the emulators: how soon the step ends after the job does, and how
    // many API calls a long wait costs.
    const google = await startAuthEmulators();
    const vertex = await startVertexEmulator({
      validateToken: google.validateAccessToken,
      python,
      workdir: path.dirname(PIPELINE),
    });
    try {
      const credentials = path.join(workspace, 'credentials.json');
      await writeFile(credentials, JSON.stringify(google.externalAccountCredentials()));
      const env = {
        ...process.env,
        GOOGLE_APPLICATION_CREDENTIALS: credentials,
        MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
        MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
        MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
      };
      const hello = path.join(ROOT, 'tests/fixtures/ir/loop-and-exit-handler.yaml');
      // Asynchronous: the emulators run in this process and must keep answering while the CLI waits.
      // `expected`: the exit code the run should end with (a run that times out is a failure, 1).
      const vertexRun = (jobId: string, extra: string[] = [], expected = 0): Promise<number> =>
        new Promise((resolve, reject) => {
          const args = [
            'dist/cli.js',
            'run',
            '--vertex',
            hello,
            '--project-id',
            'acme-ml',
            '--region',
            'us-central1',
            '--pipeline-root',
            'gs://bench/root',
            '--param',
            `stamps=${path.join(workspace, 'stamps')}`,
            '--job-id',
            jobId,
            ...extra,
          ];
          const child = spawn(NODE, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) =>
            code === expected
              ? resolve(Date.now())
              : reject(new Error(`vertex run exited ${code}: ${stderr.slice(-400)}`)),
          );
        });
      const lags: number[] = [];
      for (let i = 0; i < 3; i++) {
        const finished = await vertexRun(`bench-lag-${i}`);
        const endTime = vertex.jobs.get(`bench-lag-${i}`)?.endTime;
        if (endTime) lags.push(finished - Date.parse(endTime));
      }
      rows.push([
        'Job success → step finished (median of 3, emulated Vertex)',
        `${median(lags).toFixed(0)} ms`,
        '',
        '',
        'polling starts at 1 s and backs off ×1.5 to at most 15 s',
      ]);
      console.log(`job success to step end: ${median(lags).toFixed(0)} ms`);
      vertex.faults.stickNextJobs(1);
      const before = vertex.calls().getPipelineJob;
      const waitMs = 60_000;
      await vertexRun('bench-stuck', ['--timeout', `${waitMs / 1000}s`], 1);
      const perMinute = ((vertex.calls().getPipelineJob - before) * 60_000) / waitMs;
      rows.push([
        'API calls per minute while waiting (a job stuck RUNNING for 60 s)',
        `${perMinute.toFixed(1)} calls/min`,
        '',
        '',
        'after the first minute the rate settles at 4 calls/min (one per 15 s)',
      ]);
      console.log(`API calls per minute while waiting: ${perMinute.toFixed(1)}`);
    } finally {
      await vertex.close();
      await google.close();
    }

    // 5. sync-secrets: 100 secrets against the GitHub API emulator with 50 ms per request, with
    // the default concurrency against one request at a time.
    const github = await startGitHubApiEmulator({ latencyMs: 50 });
    try {
      const envFile = path.join(workspace, 'bench.env');
      await writeFile(
        envFile,
        Array.from(
          { length: 100 },
          (_, i) => `BENCH_SECRET_${i}=value-${i}-${'x'.repeat(40)}`,
        ).join('\n'),
      );
      const sync = (concurrency: number): Promise<number> =>
        new Promise((resolve, reject) => {
          const child = spawn(
            NODE,
            [
              'dist/cli.js',
              'sync-secrets',
              envFile,
              '--repository',
              'acme/ml',
              '--concurrency',
              String(concurrency),
            ],
            {
              cwd: ROOT,
              env: { ...process.env, GH_TOKEN: 'ghp_test_admin', GITHUB_API_URL: github.url },
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          );
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) =>
            code === 0
              ? resolve(code)
              : reject(new Error(`sync exited ${code}: ${stderr.slice(-400)}`)),
          );
        });
      const [sequential, concurrent] = await sideBySide(
        3,
        () => sync(1),
        () => sync(8),
      );
      add(
        'sync-secrets, 100 secrets, 50 ms per request: one at a time vs concurrency 8',
        'sequential',
        sequential,
        'concurrency 8',
        concurrent,
        'both read the public key once and list before writing; GitHub allows 100 concurrent requests',
      );
    } finally {
      await github.close();
    }

    // 6. Image build: an unchanged re-run (content hash found in the registry) against a build
    // of changed code (docker build from the changed COPY on, push, verify), real engine and registry.
    if (imageServicesReady()) {
      const context = path.join(workspace, 'trainer');
      await cp(path.join(ROOT, 'tests/fixtures/images/trainer'), context, { recursive: true });
      const image = `127.0.0.1:5000/bench-${Date.now().toString(36)}/trainer`;
      const build = (): void =>
        runProcess([
          'dist/cli.js',
          'build',
          image,
          '--context',
          context,
          '--registry-password',
          'mlops-test-registry',
        ]);
      build();
      let edit = 0;
      const [full, unchanged] = await sideBySide(
        3,
        async () => {
          await writeFile(path.join(context, 'train.py'), `print("edit ${edit++}")\n`);
          build();
        },
        build,
      );
      add(
        'Image build after a code change vs unchanged re-run',
        'build + push + verify',
        full,
        'unchanged (reused)',
        unchanged,
        'the re-run hashes the context, finds its content tag in the registry and re-tags: no docker build, no push',
      );
    } else {
      console.log(
        'image build benchmark skipped: needs dockerd, the test registry and mlops-test-python:bookworm (scripts/start-services.sh, scripts/build-test-images.sh)',
      );
    }
  }

  // 7. After training: batch scoring against a plain pandas script, then the prediction server.
  if (runs('batch') || runs('server')) {
    const trained = await trainChurnModel(workspace, python);
    if (runs('batch')) {
      const scoring = await batchScoring(workspace, python, trained, BATCH_ROWS, 3);
      const rate = (ms: number): string =>
        `${Math.round(scoring.rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
      add(
        `Batch scoring ${scoring.rows.toLocaleString('en-US')} synthetic rows: batch_predict vs a single-pass pandas script`,
        `batch_predict (chunks of 50,000, ${rate(scoring.component.ms)})`,
        scoring.component.ms,
        `pandas (${rate(scoring.plain.ms)})`,
        scoring.plain.ms,
        `same model (${scoring.modelType}, chosen by the reference pipeline on the churn sample) and input; both write a CSV of keyed predictions with class probabilities; times include Python start-up and model loading; medians of 3 alternated runs`,
      );
      rows.push([
        'Peak memory of the same runs (median)',
        `batch_predict: ${scoring.component.peakMb.toFixed(0)} MB`,
        `pandas: ${scoring.plain.peakMb.toFixed(0)} MB`,
        `${(scoring.component.peakMb / scoring.plain.peakMb).toFixed(2)}×`,
        'peak resident memory (ru_maxrss) of the Python process; batch_predict holds one chunk at a time, the script the whole table',
      ]);
      console.log(
        `batch scoring peak memory: ${scoring.component.peakMb.toFixed(0)} MB vs ${scoring.plain.peakMb.toFixed(0)} MB`,
      );
    }
    if (runs('server')) {
      // The server's default: a worker per CPU it may use.
      const cpuCount = Number(
        execFileSync(python, ['-c', 'import os; print(len(os.sched_getaffinity(0)))'], {
          encoding: 'utf8',
        }).trim(),
      );
      for (const [concurrency, instances] of [
        [1, 1],
        [4, 1],
        [4, 100],
      ] as const) {
        const latency = await servingLatency(
          python,
          trained.modelDir,
          1000,
          concurrency,
          instances,
          cpuCount,
        );
        rows.push([
          `Prediction server, ${latency.requests} requests of ${instances} instance${instances > 1 ? 's' : ''}, ${concurrency} client${concurrency > 1 ? 's' : ''} at a time`,
          `p50 ${latency.p50Ms.toFixed(1)} ms`,
          `p99 ${latency.p99Ms.toFixed(1)} ms`,
          '',
          `${latency.requestsPerSecond.toFixed(0)} requests/s; serving/server.py on loopback, ${cpuCount} workers, churn model from the reference pipeline`,
        ]);
        console.log(
          `serving c=${concurrency} n=${instances}: p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms, ${latency.requestsPerSecond.toFixed(0)} req/s`,
        );
      }
      // Throughput with one worker and with one per CPU, alternated, 4 clients at a time.
      for (const instances of [1, 100]) {
        const one: Latency[] = [];
        const many: Latency[] = [];
        for (let round = 0; round < 2; round++) {
          one.push(await servingLatency(python, trained.modelDir, 1000, 4, instances, 1));
          many.push(await servingLatency(python, trained.modelDir, 1000, 4, instances, cpuCount));
        }
        const ms = (list: Latency[]): number =>
          median(list.map((latency) => (latency.requests / latency.requestsPerSecond) * 1000));
        const perSecond = (list: Latency[]): string =>
          `${median(list.map((latency) => latency.requestsPerSecond)).toFixed(0)} requests/s`;
        add(
          `Prediction server throughput, 1000 requests of ${instances} instance${instances > 1 ? 's' : ''}, 4 clients at a time: 1 worker vs ${cpuCount}`,
          `1 worker (${perSecond(one)})`,
          ms(one),
          `${cpuCount} workers (${perSecond(many)})`,
          ms(many),
          'time for the 1000 requests, median of 2 alternated runs; the clients (Node fetch) share the same CPUs',
        );
      }
    }
  }
  // 8. Training quality and time on the Telco churn data, against the seed's method.
  if (runs('training-quality')) {
    const quality = await trainingQuality(
      workspace,
      python,
      Number(process.env.MLOPS_BENCH_TRAINING_ROUNDS ?? 3),
    );
    const { seed } = quality;
    for (const [pipeline, split] of [
      [quality.pipeline, 'defaults: test 20% stratified'],
      [quality.pipelineSeedSplit, "test_size=0.3 (the seed's share), stratified"],
    ] as const) {
      rows.push([
        `Training on Telco churn (7,043 rows): reference pipeline, ${split} vs the seed's method`,
        `pipeline: ${describeSide(pipeline)}`,
        `seed: ${describeSide(seed)}`,
        `${(pipeline.wallMs / seed.wallMs).toFixed(2)}×`,
        `wall-clock ratio (CPU ${(pipeline.cpuMs / seed.cpuMs).toFixed(2)}×), medians of ${seed.runs.length} alternated runs; the seed tests on 30% unstratified, both split with seed 42; 1-min load ${pipeline.load.toFixed(1)} / ${seed.load.toFixed(1)}; goal: acc ≥ 0.80, AUC ≥ 0.85, ≤ 0.5× the seed's time`,
      ]);
      console.log(
        `Telco (${split}): pipeline ${describeSide(pipeline)} vs seed ${describeSide(seed)}`,
      );
    }
    const splits = await sharedSplits(
      workspace,
      python,
      Number(process.env.MLOPS_BENCH_TRAINING_SPLITS ?? 10),
    );
    const row = sharedSplitsRow(python, splits);
    rows.push(row);
    console.log(`${row[0]}: ${row[1]} vs ${row[2]}; ${row[4]}`);
  }
  // 9. The report: its SVG, and its size for the reference pipeline.
  if (runs('svg')) rows.push(...(await reportSvgRows()));
  if (runs('report')) {
    const size = await measureReportSize(path.join(workspace, 'report-run'));
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
    rows.push([
      'Run report of the reference pipeline: report.html vs the files it summarises',
      `report.html: ${kb(size.reportBytes)}`,
      `run.json, task logs and artifacts read (${size.summarisedFiles} files): ${kb(size.summarisedBytes)}`,
      `${(size.reportBytes / size.summarisedBytes).toFixed(2)}×`,
      `goal under 1 MB; self-contained with ${size.charts} SVG charts, made in ${size.makeMs.toFixed(0)} ms (median of 10)`,
    ]);
    console.log(`run report: ${kb(size.reportBytes)} vs ${kb(size.summarisedBytes)} summarised`);
  }
  // 10. The run browser on 10,000 synthetic runs against a naive server.
  if (runs('ui')) rows.push(...(await benchRunBrowser(workspace)));
} finally {
  await rm(workspace, { recursive: true, force: true });
}

const file = path.join(ROOT, 'BENCHMARKS.md');
const previous = await readFile(file, 'utf8').catch(() => '');
// The rows of the groups not measured now, as the previous run wrote them.
const kept = previous
  .split('\n')
  .filter((line) => line.startsWith('| ') && !/^\| (Benchmark|---) /.test(line))
  .map((line) => line.slice(2, -2).split(' | '));
const table = [
  '| Benchmark | A | B | A / B | Note |',
  '| --- | --- | --- | --- | --- |',
  ...GROUPS.flatMap((group) =>
    (runs(group) ? rows : kept).filter((row) => groupOf(row[0] ?? '') === group),
  ).map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const previousDate = /\) on (\d{4}-\d{2}-\d{2})/.exec(previous)?.[1] ?? 'an earlier run';
const partly = only
  ? ` The ${new Intl.ListFormat('en-GB').format(GROUPS.filter((group) => !runs(group)))} rows are from the run of ${previousDate}.`
  : '';
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, Python ${execFileSync(python, ['-c', 'import sys, sklearn; print(sys.version.split()[0], "/ scikit-learn", sklearn.__version__)'], { encoding: 'utf8' }).trim()}`;
const notes = previous.includes('<!-- notes -->')
  ? previous.slice(previous.indexOf('<!-- notes -->'))
  : '<!-- notes -->\n';
await writeFile(
  file,
  `# Benchmarks\n\nWritten by \`npm run bench\` (bench/benchmarks.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine}.${partly}\nEach comparison alternates its two sides and reports medians.\n\n${table}\n\n${notes}`,
);
console.log(`wrote ${file}`);
