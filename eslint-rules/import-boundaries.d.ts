import type { ESLint, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & { rules: { 'import-boundaries': Rule.RuleModule } };
export default plugin;
