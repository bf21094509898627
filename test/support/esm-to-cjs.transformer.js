// Jest on Node 20 cannot require() ES modules; the few ESM-only dependencies are compiled to CommonJS
// when loaded (content-disposition, used by @fastify/static for Swagger UI).
const ts = require('typescript');

module.exports = {
  process(sourceText, sourcePath) {
    const { outputText } = ts.transpileModule(sourceText, {
      fileName: sourcePath,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    return { code: outputText };
  },
};
