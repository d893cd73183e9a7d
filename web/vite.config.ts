/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, searchForWorkspaceRoot } from "vite";
import { brandCss } from "./build/brand-css";

// The build id registers the service worker as `sw.js?v=<build>` (cache busting, brief F3).
const build = process.env.APP_REV || new Date().toISOString().replace(/\D/g, "").slice(0, 14);

export default defineConfig({
  plugins: [
    react(),
    // dist/brand.css: the fonts and tokens for the server's own pages (server/templates/sign.html).
    brandCss({
      fonts: fileURLToPath(new URL("./node_modules/@fontsource/assistant", import.meta.url)),
      tokens: fileURLToPath(new URL("./src/styles/tokens.css", import.meta.url)),
    }),
  ],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  define: { __BUILD__: JSON.stringify(build) },
  build: { outDir: "dist", emptyOutDir: true, assetsDir: "assets" },
  server: {
    // The label table is the server's file (src/lib/labels.ts imports it): the dev server may read it.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), "../server/labels.json"] },
    // `npm run dev` talks to `make run` on port 5000.
    proxy: {
      "/api": "http://127.0.0.1:5000",
      "/auth": "http://127.0.0.1:5000",
      "/ws": { target: "http://127.0.0.1:5000", ws: true },
    },
  },
  test: { environment: "jsdom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
