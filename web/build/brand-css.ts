/**
 * Writes dist/brand.css: the web app's Assistant @font-face rules and its design tokens, for
 * the pages the server renders itself (the customer's signing page), so they share the app's
 * look without a copy of its values. The fonts are the build's own hashed files in /assets
 * (the app already ships them), so a page that loads both downloads each font once.
 */
import { readFileSync } from "node:fs";
import type { OutputAsset } from "rollup";
import type { Plugin } from "vite";

const WEIGHTS = [400, 600, 700];

export function brandCss({ fonts, tokens }: { fonts: string; tokens: string }): Plugin {
  return {
    name: "agentlocator-brand-css",
    apply: "build",
    generateBundle(_options, bundle) {
      const hashed = new Map<string, string>();
      for (const item of Object.values(bundle)) {
        if (item.type !== "asset") continue;
        for (const name of (item as OutputAsset).names ?? []) hashed.set(name, item.fileName);
      }
      const faces = WEIGHTS.map((weight) => readFileSync(`${fonts}/${weight}.css`, "utf8")).join("\n")
        .replace(/url\(\.\/files\/([^)]+)\)/g, (_match, file: string) => {
          const built = hashed.get(file);
          if (!built) this.error(`brand.css: the build has no ${file} (is @fontsource/assistant imported?)`);
          return `url(/${built})`;
        });
      this.emitFile({ type: "asset", fileName: "brand.css", source: `${faces}\n${readFileSync(tokens, "utf8")}` });
    },
  };
}
