/**
 * tunebridge/no-token-logging: a value whose name or type suggests a secret (an access or refresh
 * token, a client or control key, a TokenSet, a passphrase…) must not reach `console.*`,
 * `process.stdout.write`, `process.stderr.write`, or a template string in a thrown error's
 * message. Logs and error messages end up in terminals, bug reports and MCP clients' logs.
 *
 * Passing it through a function whose name says it hides the value (`redact`, `mask`, `hash`,
 * `fingerprint`) is fine, as is its `.length`.
 */

const SECRET_NAME =
  /^(?:token|tokens?set|bearer|secret|password|passphrase)$|access_?token|refresh_?token|id_?token|client_?key|assistant_?key|control_?key|client_?secret|api_?key|private_?key|token_?set|passphrase|password|authorization$|bearer_?token/i;
const SECRET_TYPE =
  /^(?:TokenSet|StoredTokens|OAuthTokens|SecretValue|ClientKey|AssistantKey|AccessToken|RefreshToken)$/;
const SAFE_SUFFIX = /(?:File|Path|Hash|Url|Uri|Name|Env|Var|Label|Length|Count|Dir|Store|Kind)$/;
const SAFE_WRAPPER = /redact|mask|hash|digest|fingerprint|summar|describe/i;
const SAFE_PROPERTY = new Set([
  'length',
  'size',
  'type',
  'expiresAt',
  'expiresIn',
  'scope',
  'scopes',
]);

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Forbid passing token-bearing values to console, stdout/stderr writes, or thrown error messages',
    },
    schema: [],
    messages: {
      logged:
        '"{{name}}" looks like a secret; do not pass it to {{sink}}. Log that it exists (or redact it) instead.',
      thrown:
        '"{{name}}" looks like a secret; keep it out of error messages (they reach terminals and logs).',
    },
  },

  create(context) {
    const sourceCode = context.sourceCode ?? context.getSourceCode();
    const services = sourceCode.parserServices;
    const checker =
      services && services.program && services.esTreeNodeToTSNodeMap
        ? services.program.getTypeChecker()
        : undefined;

    function typeNameOfAnnotation(annotation) {
      const type = annotation?.typeAnnotation;
      if (!type) return undefined;
      if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier') {
        return type.typeName.name;
      }
      return undefined;
    }

    /** The declared type of an identifier, from its annotation or (when linted with types) the checker. */
    function secretType(identifier) {
      if (checker) {
        const tsNode = services.esTreeNodeToTSNodeMap.get(identifier);
        const type = tsNode && checker.getTypeAtLocation(tsNode);
        const name = type && (type.aliasSymbol?.name ?? type.getSymbol()?.name);
        if (name && SECRET_TYPE.test(name)) return name;
      }
      let scope = sourceCode.getScope ? sourceCode.getScope(identifier) : context.getScope();
      while (scope) {
        const variable = scope.set.get(identifier.name);
        if (variable) {
          for (const def of variable.defs) {
            const name = typeNameOfAnnotation(def.name.typeAnnotation);
            if (name && SECRET_TYPE.test(name)) return name;
          }
          return undefined;
        }
        scope = scope.upper;
      }
      return undefined;
    }

    function secretName(name) {
      return SECRET_NAME.test(name) && !SAFE_SUFFIX.test(name);
    }

    /** The first secret-looking name inside an expression, or undefined. */
    function findSecret(node) {
      if (!node) return undefined;
      switch (node.type) {
        case 'Identifier':
          if (secretName(node.name)) return node.name;
          return secretType(node) ? `${node.name}: ${secretType(node)}` : undefined;
        case 'MemberExpression': {
          const property =
            !node.computed && node.property.type === 'Identifier'
              ? node.property.name
              : node.property.type === 'Literal'
                ? String(node.property.value)
                : undefined;
          if (property && SAFE_PROPERTY.has(property)) return undefined;
          if (property && secretName(property)) return property;
          return findSecret(node.object);
        }
        case 'TemplateLiteral':
          return firstOf(node.expressions);
        case 'BinaryExpression':
        case 'LogicalExpression':
          return findSecret(node.left) ?? findSecret(node.right);
        case 'ConditionalExpression':
          return findSecret(node.consequent) ?? findSecret(node.alternate);
        case 'CallExpression': {
          const callee = node.callee;
          const name =
            callee.type === 'Identifier'
              ? callee.name
              : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
                ? callee.property.name
                : '';
          if (SAFE_WRAPPER.test(name)) return undefined;
          // JSON.stringify(tokens), String(key), key.toString(), key.slice(0, 8)…
          return (
            firstOf(node.arguments) ??
            (callee.type === 'MemberExpression' ? findSecret(callee.object) : undefined)
          );
        }
        case 'ObjectExpression':
          for (const property of node.properties) {
            const found =
              property.type === 'SpreadElement'
                ? findSecret(property.argument)
                : ((property.key.type === 'Identifier' && secretName(property.key.name)
                    ? property.key.name
                    : undefined) ?? findSecret(property.value));
            if (found) return found;
          }
          return undefined;
        case 'ArrayExpression':
          return firstOf(node.elements);
        case 'SpreadElement':
        case 'AwaitExpression':
        case 'TSNonNullExpression':
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'ChainExpression':
          return findSecret(node.argument ?? node.expression);
        default:
          return undefined;
      }
    }

    function firstOf(nodes) {
      for (const node of nodes) {
        const found = findSecret(node);
        if (found) return found;
      }
      return undefined;
    }

    function sinkName(callee) {
      if (callee.type !== 'MemberExpression') return undefined;
      const object = callee.object;
      const property = callee.property.type === 'Identifier' ? callee.property.name : undefined;
      if (object.type === 'Identifier' && object.name === 'console') return `console.${property}`;
      if (
        property === 'write' &&
        object.type === 'MemberExpression' &&
        object.object.type === 'Identifier' &&
        object.object.name === 'process' &&
        object.property.type === 'Identifier' &&
        (object.property.name === 'stdout' || object.property.name === 'stderr')
      ) {
        return `process.${object.property.name}.write`;
      }
      return undefined;
    }

    return {
      CallExpression(node) {
        const sink = sinkName(node.callee);
        if (!sink) return;
        const name = firstOf(node.arguments);
        if (name) context.report({ node, messageId: 'logged', data: { name, sink } });
      },
      ThrowStatement(node) {
        const error = node.argument;
        if (!error || (error.type !== 'NewExpression' && error.type !== 'CallExpression')) return;
        for (const argument of error.arguments) {
          if (argument.type !== 'TemplateLiteral' && argument.type !== 'BinaryExpression') continue;
          const name = findSecret(argument);
          if (name) context.report({ node: argument, messageId: 'thrown', data: { name } });
        }
      },
    };
  },
};

export default {
  meta: { name: 'eslint-plugin-tunebridge' },
  rules: { 'no-token-logging': rule },
};
