// Architecture rules, checked by `npm run deps:validate` (part of `npm test`): the folder tells the
// architecture, and these keep it true.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-imports-app',
      comment: 'Libs are shared by the apps; an app is transport only and never a dependency.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-other-app',
      comment: 'Apps share code through libs, never through each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'matching-is-pure',
      comment: 'libs/matching is plain TypeScript: no Nest, no database, no network.',
      severity: 'error',
      from: { path: '^libs/matching/' },
      to: { path: ['@nestjs', 'typeorm', '(^|/)pg($|/)', 'ioredis', 'bullmq', 'meilisearch', '^libs/(?!matching/)'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle between modules hides which one is the foundation.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^tmp/', '^apps/web/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
