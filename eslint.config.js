// The boundaries of src/ (docs/architecture.md), checked by `npm test` (`eslint src`) instead of by
// memory. Import rules only, and none type-aware, so no TypeScript program is built and src lints in
// a few seconds. Formatting is Prettier's job; types are tsc's.
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// A document's type comes from its collection (collection<T>() in src/store/port.ts), declared once;
// a type named at the read is a cast that nothing checks.
const TYPED_READS = {
  selector: 'CallExpression[callee.property.name=/^(getDoc|listDocs)$/][typeArguments]',
  message: 'Read a typed collection (collection<T>() in src/store/port.ts) instead of naming the type here.',
};

const PURE_DOMAIN = 'src/domain is pure rules: it imports only itself, zod and luxon.';

const ZONES = [
  { target: './src/domain', from: './src', except: ['./domain'], message: PURE_DOMAIN },
  {
    target: './src/cards',
    from: ['./src/app', './src/jobs', './src/outbox'],
    message: 'Cards render views: import view types from src/views, not from src/app or src/jobs.',
  },
  {
    target: './src/views',
    from: ['./src/app', './src/jobs', './src/bot', './src/http'],
    message: 'A view is a pure function of state and now: src/app gathers what it needs from the store and calls it.',
  },
  {
    target: './src/views',
    from: './src/cards',
    except: ['./text', './labels.ts'],
    message: 'A view is data; src/cards draws it. A view may use the text catalogue (src/cards/text) and labels.',
  },
  {
    target: './src/outbox',
    from: ['./src/bot', './src/http', './src/jobs'],
    message:
      'The outbox sends through its Sender port (src/outbox/sender.ts); the bot implements it, not the other way round.',
  },
];

// No use case in src/app builds an Adaptive Card: it returns or queues data, and the card is drawn
// from a view at the edge or at send time (docs/architecture.md). The text catalogue (src/cards/text)
// and the Swedish labels are words, not cards, and every layer uses them.
const APP_RENDERS_NO_CARD = {
  target: './src/app',
  from: './src/cards',
  except: ['./text', './labels.ts'],
  message:
    'A use case returns or queues data; the card is rendered from a view (src/views, src/cards) at the edge or at send time. src/app may use the text catalogue (src/cards/text) and labels.',
};

export default defineConfig(
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      // Without these two, import-x reads no .ts file it is pointed to, and no-cycle sees nothing.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // NodeNext: the sources import './x.js' for the file x.ts.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      // Two modules that import each other are one module in two files. (This rule follows the
      // imports that exist at run time; `import type` is erased and not followed.)
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams-ai/*'],
              message:
                'Only src/bot and src/http (and src/main.ts, the composition root) use the Teams SDK; elsewhere depend on a type of our own.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', TYPED_READS],
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
    },
  },
  {
    // main.ts is the composition root: it builds the one TeamsAdapter and hands it to src/bot (the
    // Application and the outbox's TeamsSender) and src/http (the server). No other file holds one.
    files: ['src/bot/**/*.ts', 'src/http/**/*.ts', 'src/main.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...ZONES, APP_RENDERS_NO_CARD] }] },
  },
  {
    // The bot parses, gates the actor, calls a use case or a view and renders: what it reads and
    // writes goes through src/app (conversations, install), src/jobs (lists, reminders) or the outbox.
    files: ['src/bot/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        TYPED_READS,
        {
          selector: "MemberExpression[property.name='store']",
          message: 'src/bot does not touch the store: call a use case in src/app or a view instead.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // Every package but the three the rules need, and no node: built-in (the domain does no I/O).
      // Relative imports are left to import-x/no-restricted-paths above, which resolves them.
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.{1,2}/)(?!(zod|luxon)(/|$))', message: PURE_DOMAIN }] },
      ],
    },
  },
);
