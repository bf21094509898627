import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: its own build (dist/web), separate from the Nest tsc build. In development
// (`npm run dev:web`) Vite serves it with hot reload and proxies the API.
const root = path.resolve(__dirname);
const repo = path.resolve(root, '..', '..');
const api = process.env.WEB_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root,
  // The automatic JSX runtime, and React Fast Refresh under `npm run dev:web` (state survives an edit).
  plugins: [react()],
  resolve: {
    alias: {
      '@fonts': path.join(repo, 'node_modules', 'bootstrap-italia', 'dist', 'fonts'),
      '@istat': path.join(repo, 'data', 'istat'),
    },
  },
  build: {
    outDir: path.join(repo, 'dist', 'web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // React libraries mark their modules "use client" for server components; meaningless in this client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    fs: { allow: [repo] },
    proxy: { '/api': api, '/docs': api },
  },
});
