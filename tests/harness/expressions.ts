import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { TokenType as TokenKind } from '@actions/expressions/lexer';
import { truthy } from '@actions/expressions/result';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { NullToken } from '@actions/workflow-parser/templates/tokens/index';
import { hashFiles } from './glob.js';

/**
 * `${{ }}` evaluation with GitHub's own expression engine (@actions/expressions) over the token
 * trees @actions/workflow-parser reads: a string with embedded expressions arrives as one
 * `format('…{0}…', expr)` expression, so nothing here interpolates text by hand.
 */

/** The job-level or step-level status the status functions answer from. */
export interface Status {
  /** Job level: every need succeeded; step level: no earlier step failed. */
  readonly success: boolean;
  /** Job level: some need (or its ancestor) failed; step level: an earlier step failed. */
  readonly failure: boolean;
}

export interface Scope {
  /** Contexts as plain JSON values: github, env, vars, secrets, inputs, needs, steps, … */
  readonly contexts: Readonly<Record<string, unknown>>;
  readonly status?: Status;
  /** GITHUB_WORKSPACE, for hashFiles (only steps have one). */
  readonly workspace?: string;
}

function functions(scope: Scope): FunctionDefinition[] {
  const status = scope.status ?? { success: true, failure: false };
  const constant = (name: string, value: boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value),
  });
  return [
    constant('success', status.success),
    constant('failure', status.failure),
    constant('always', true),
    constant('cancelled', false),
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: (...patterns) => {
        if (!scope.workspace) throw new Error('hashFiles is only available in steps');
        return new data.StringData(
          hashFiles(
            scope.workspace,
            patterns.map((pattern) => pattern.coerceString()),
          ),
        );
      },
    },
  ];
}

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

export function toPlain(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

/**
 * The lexer of @actions/expressions 0.3.61 unescapes only the first `''` of a string literal
 * (String.replace), where the runner unescapes every one: a `run:` script with an expression
 * and several quotes would lose some. Redo it from the literal's text.
 */
function lex(expression: string) {
  return new Lexer(expression)
    .lex()
    .tokens.map((token) =>
      token.type === TokenKind.STRING
        ? { ...token, value: token.lexeme.slice(1, -1).replaceAll("''", "'") }
        : token,
    );
}

export function evaluateExpression(expression: string, scope: Scope): data.ExpressionData {
  const available = functions(scope);
  const tree = new Parser(lex(expression), Object.keys(scope.contexts), available).parse();
  const contexts = new data.Dictionary(
    ...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toData(value) })),
  );
  const implementations = new Map(available.map((f) => [f.name.toLowerCase(), f]));
  return new Evaluator(tree, contexts, implementations).evaluate();
}

/** A token's value: literals as they are, expressions evaluated, mappings and sequences deeply. */
export function evaluateToken(token: TemplateToken, scope: Scope): data.ExpressionData {
  if (isBasicExpression(token)) {
    try {
      return evaluateExpression(token.expression, scope);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`The template is not valid. ${token.toDisplayString()}: ${message}`, {
        cause: error,
      });
    }
  }
  if (isString(token)) return new data.StringData(token.value);
  if (isBoolean(token)) return new data.BooleanData(token.value);
  if (isNumber(token)) return new data.NumberData(token.value);
  if (isSequence(token)) {
    const items: data.ExpressionData[] = [];
    for (const item of token) items.push(evaluateToken(item, scope));
    return new data.Array(...items);
  }
  if (isMapping(token)) {
    const result = new data.Dictionary();
    for (const pair of token)
      result.add(evaluateToken(pair.key, scope).coerceString(), evaluateToken(pair.value, scope));
    return result;
  }
  if (token instanceof NullToken) return new data.Null();
  throw new Error(`the harness does not evaluate ${token.typeName()} tokens (\${{ insert }})`);
}

/** A value where the runner wants a string (env, with, outputs): objects are an error, as there. */
function asString(value: data.ExpressionData, what: string): string {
  if (value.kind === data.Kind.Array || value.kind === data.Kind.Dictionary)
    throw new Error(
      `${what}: a ${value.kind === data.Kind.Array ? 'sequence' : 'mapping'} was not expected`,
    );
  return value.coerceString();
}

export function evaluateString(token: TemplateToken, scope: Scope, what: string): string {
  return asString(evaluateToken(token, scope), what);
}

export function evaluateCondition(token: TemplateToken, scope: Scope): boolean {
  return truthy(evaluateToken(token, scope));
}

/** A mapping of strings (env:, with:, outputs:), each value evaluated in `scope`. */
export function evaluateMap(
  token: TemplateToken | undefined,
  scope: Scope,
  what: string,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (!token) return result;
  const mapping = token.assertMapping(what);
  for (const pair of mapping) {
    const key = pair.key.assertString(`${what} key`).value;
    result[key] = evaluateString(pair.value, scope, `${what}.${key}`);
  }
  return result;
}
