// esbuild bundles the stylesheet (scripts/build.mjs); TypeScript 6 checks side-effect imports
// and needs to be told a `.css` import is a module.
declare module '*.css';
