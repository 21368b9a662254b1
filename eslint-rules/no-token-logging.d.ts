import type { ESLint, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & { rules: { 'no-token-logging': Rule.RuleModule } };
export default plugin;
