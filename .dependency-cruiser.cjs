/**
 * The dependency rules of the architecture (README "Code map"), checked by `npm run lint`.
 * Type-only imports count too, except where a rule says otherwise.
 */
const CLIENTS =
  'node_modules/(imapflow|ioredis|bullmq|@azure/msal-node|google-auth-library|nodemailer/lib/(mail-composer|smtp-connection|xoauth2))/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules never import each other in a circle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Folders never import each other in a circle either (a stage folder, an adapter folder, ...).',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      comment: 'src/domain is the shared vocabulary: it imports no other module of the project.',
      from: { path: '^src/domain/' },
      to: { path: '^(src|workers|test|examples)/', pathNot: '^src/domain/' },
    },
    {
      name: 'output-imports-only-domain',
      severity: 'error',
      comment:
        'src/output is the one output layer (headers, mail text, terminal, CSV, logs): pure functions over strings that import only src/domain.',
      from: { path: '^src/output/' },
      to: { path: '^(src|workers|test|examples)/', pathNot: '^src/(domain|output)/' },
    },
    {
      name: 'src-not-to-outside',
      severity: 'error',
      comment: 'Product code never imports process entry points, tests or examples.',
      from: { path: '^src/' },
      to: { path: '^(workers|test|examples)/' },
    },
    {
      name: 'stages-not-to-composition',
      severity: 'error',
      comment:
        'A stage sees ports, never the code that composes the stages or the adapters behind the ports.',
      from: { path: '^src/stages/' },
      to: { path: '^src/(daemon|cli|runtime|explain|adapters)/' },
    },
    {
      name: 'libraries-not-to-stages',
      severity: 'error',
      comment:
        'Domain libraries (mail, documents, profile, candidates, config, ports) are used by stages, not the reverse.',
      from: {
        path: '^src/(domain|mail|documents|profile|candidates|config|ports|errors|logging|mailbox|privacy|calls)/',
      },
      to: { path: '^src/(stages|daemon|cli|runtime|explain|adapters)/' },
    },
    {
      name: 'daemon-only-from-cli',
      severity: 'error',
      comment: 'src/daemon composes `triage start` and is imported by the CLI alone.',
      from: { pathNot: '^(src/(cli|daemon)|test|examples)/' },
      to: { path: '^src/daemon/' },
    },
    {
      name: 'clients-only-in-adapters',
      severity: 'error',
      comment:
        'Only adapters import the IMAP, Redis, queue and SMTP client libraries (type-only imports aside).',
      from: { path: '^(src|workers)/', pathNot: '^src/adapters/' },
      to: { path: CLIENTS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment: 'Production code never imports a devDependency (it is not installed with the product).',
      from: { path: '^(src|workers)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
