// The boundaries of Kefu's code, checked in CI (npm run check:boundaries).
// ARCHITECTURE.md › Modules explains them and draws the map.

/** What each business module may use of the others (their *.commands.ts and *.queries.ts only). */
const USES = {
  org: [],
  forms: [],
  customers: [],
  notifications: ['org'],
  tickets: ['org', 'forms', 'customers', 'notifications'],
  interactions: ['customers', 'tickets'],
  sla: ['org', 'tickets', 'notifications'],
  routing: ['org', 'forms', 'tickets', 'sla', 'notifications'],
  intake: ['org', 'forms', 'customers', 'interactions', 'tickets'],
  surveys: ['customers', 'tickets', 'notifications'],
  callbacks: ['org', 'customers', 'interactions', 'tickets', 'notifications', 'surveys'],
  conversations: ['org', 'customers', 'tickets', 'intake', 'notifications'],
  knowledge: [],
  renewals: ['org', 'customers', 'notifications'],
  orders: ['org', 'customers', 'notifications'],
};

const MODULES = 'apps/server/src/modules';

module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'A module reaches another only through its commands and queries (files named *.commands.ts or *.queries.ts), never its other files.',
      severity: 'error',
      from: { path: `^${MODULES}/([^/]+)/` },
      to: { path: `^${MODULES}/([^/]+)/`, pathNot: [`^${MODULES}/$1/`, '[.](commands|queries)[.]ts$'] },
    },
    ...Object.entries(USES).map(([module, uses]) => ({
      name: `uses-of-${module}`,
      comment: `${module} may use only: ${uses.join(', ') || 'no other module'} (this keeps the module map free of cycles).`,
      severity: 'error',
      from: { path: `^${MODULES}/${module}/` },
      to: { path: `^${MODULES}/`, pathNot: [`^${MODULES}/(${[module, ...uses].join('|')})/`] },
    })),
    {
      name: 'platform-uses-no-module',
      comment: 'platform/ holds what has no business words: it never imports a business module.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: `^${MODULES}/` },
    },
    {
      name: 'shared-stays-shared',
      comment: 'packages/shared is used by the server and the console; it imports neither.',
      severity: 'error',
      from: { path: '^packages/shared/' },
      to: { path: '^apps/' },
    },
    {
      name: 'console-without-server',
      comment: 'The console gets its types from packages/shared, never from the server\'s code.',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'widget-stands-alone',
      comment: 'The chat widget runs on other sites\' pages: it imports only its own files (types from packages/shared are erased when it is bundled; npm packages are outside this graph: the size check of widget.routes.test.ts notices them).',
      severity: 'error',
      // its tests run in Node (vitest) and are never bundled
      from: { path: '^apps/widget/src/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^apps/widget/src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'Files that import each other in a loop.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
