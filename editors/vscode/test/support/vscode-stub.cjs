'use strict';
// A stand-in for the `vscode` module, which only exists inside VS Code. It implements, with real
// behaviour, what the extension and vscode-languageclient use (events, settings, diagnostics,
// commands, the status bar, webviews), records what the extension did in `state`, and answers
// anything else with harmless no-ops so that the language client's many features can register.
// `state.unknown` lists what fell through, to help when a new client version needs more.

const fs = require('fs');
const path = require('path');

function createVscode(options = {}) {
  const settings = { ...(options.settings ?? {}) };
  const state = {
    commands: new Map(),
    executed: [],
    statusBarItems: [],
    panels: [],
    watchers: [],
    messages: [],
    outputChannels: [],
    diagnosticCollections: [],
    unknown: new Set(),
  };

  class Disposable {
    constructor(callOnDispose) {
      this._callOnDispose = callOnDispose;
    }
    static from(...disposables) {
      return new Disposable(() => disposables.forEach((d) => d && d.dispose && d.dispose()));
    }
    dispose() {
      const f = this._callOnDispose;
      this._callOnDispose = undefined;
      if (f) f();
    }
  }

  class EventEmitter {
    constructor() {
      this._listeners = new Set();
      this.event = (listener, thisArg, disposables) => {
        const entry = (e) => listener.call(thisArg, e);
        this._listeners.add(entry);
        const d = new Disposable(() => this._listeners.delete(entry));
        if (Array.isArray(disposables)) disposables.push(d);
        return d;
      };
    }
    fire(e) {
      for (const l of [...this._listeners]) l(e);
    }
    get listenerCount() {
      return this._listeners.size;
    }
    dispose() {
      this._listeners.clear();
    }
  }

  class Uri {
    constructor(scheme, authority, p, query, fragment) {
      this.scheme = scheme;
      this.authority = authority ?? '';
      this.path = p ?? '';
      this.query = query ?? '';
      this.fragment = fragment ?? '';
    }
    static file(fsPath) {
      return new Uri('file', '', fsPath.split(path.sep).join('/'));
    }
    static parse(value) {
      const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
      if (!m) throw new Error(`stub Uri.parse: cannot parse ${value}`);
      return new Uri(m[1], m[2], decodeURIComponent(m[3]), m[4], m[5]);
    }
    static joinPath(base, ...segments) {
      return base.with({ path: path.posix.join(base.path, ...segments) });
    }
    get fsPath() {
      return this.path;
    }
    with(change) {
      return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
    }
    toString() {
      const encoded = this.path.split('/').map(encodeURIComponent).join('/');
      return `${this.scheme}://${this.authority}${encoded}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
    }
    toJSON() {
      return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
    }
  }

  class Position {
    constructor(line, character) {
      this.line = line;
      this.character = character;
    }
  }

  class Range {
    constructor(a, b, c, d) {
      if (typeof a === 'number') {
        this.start = new Position(a, b);
        this.end = new Position(c, d);
      } else {
        this.start = a;
        this.end = b;
      }
    }
  }

  class Diagnostic {
    constructor(range, message, severity) {
      this.range = range;
      this.message = message;
      this.severity = severity ?? DiagnosticSeverity.Error;
    }
  }

  class CancellationTokenSource {
    constructor() {
      const onCancellationRequested = new EventEmitter();
      this._emitter = onCancellationRequested;
      this.token = { isCancellationRequested: false, onCancellationRequested: onCancellationRequested.event };
    }
    cancel() {
      if (this.token.isCancellationRequested) return;
      this.token.isCancellationRequested = true;
      this._emitter.fire();
    }
    dispose() {
      this._emitter.dispose();
    }
  }

  // The client builds the kinds a server declares from Empty with append().
  class CodeActionKind {
    constructor(value) {
      this.value = value;
    }
    append(part) {
      return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
    }
    contains(other) {
      return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`);
    }
    intersects(other) {
      return this.contains(other) || other.contains(this);
    }
  }
  CodeActionKind.Empty = new CodeActionKind('');
  for (const [name, value] of Object.entries({ QuickFix: 'quickfix', Refactor: 'refactor', Source: 'source', SourceFixAll: 'source.fixAll', SourceOrganizeImports: 'source.organizeImports' })) {
    CodeActionKind[name] = new CodeActionKind(value);
  }

  class ThemeColor {
    constructor(id) {
      this.id = id;
    }
  }

  const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
  const StatusBarAlignment = { Left: 1, Right: 2 };
  const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 };

  const onDidChangeDiagnostics = new EventEmitter();
  const onDidChangeConfiguration = new EventEmitter();
  const onDidSaveTextDocument = new EventEmitter();
  const diagnosticsByUri = new Map();

  function createDiagnosticCollection(name) {
    const own = new Map();
    const collection = {
      name,
      set(uriOrEntries, diagnostics) {
        const entries = Array.isArray(uriOrEntries) ? uriOrEntries : [[uriOrEntries, diagnostics]];
        for (const [uri, list] of entries) {
          own.set(uri.toString(), [uri, list ?? []]);
        }
        publish(entries.map(([uri]) => uri));
      },
      delete(uri) {
        own.delete(uri.toString());
        publish([uri]);
      },
      clear() {
        const uris = [...own.values()].map(([uri]) => uri);
        own.clear();
        publish(uris);
      },
      get(uri) {
        return own.get(uri.toString())?.[1];
      },
      has(uri) {
        return own.has(uri.toString());
      },
      forEach(callback) {
        for (const [uri, list] of own.values()) callback(uri, list, collection);
      },
      dispose() {
        collection.clear();
        state.diagnosticCollections.splice(state.diagnosticCollections.indexOf(own), 1);
      },
    };
    function publish(uris) {
      onDidChangeDiagnostics.fire({ uris });
    }
    state.diagnosticCollections.push(own);
    return collection;
  }

  function getDiagnostics() {
    const merged = new Map();
    for (const own of [...state.diagnosticCollections, diagnosticsByUri]) {
      for (const [key, [uri, list]] of own) {
        const entry = merged.get(key) ?? [uri, []];
        entry[1] = entry[1].concat(list);
        merged.set(key, entry);
      }
    }
    return [...merged.values()];
  }

  function getConfiguration(section) {
    const prefix = section ? `${section}.` : '';
    const read = (key) => settings[prefix + key];
    return {
      get(key, defaultValue) {
        const value = read(key);
        if (value !== undefined) return value;
        // A whole section, as vscode-languageclient reads it to forward settings to the server.
        const nested = {};
        let found = false;
        for (const [k, v] of Object.entries(settings)) {
          if (k.startsWith(`${prefix}${key}.`)) {
            setPath(nested, k.slice(prefix.length + key.length + 1).split('.'), v);
            found = true;
          }
        }
        return found ? nested : defaultValue;
      },
      has(key) {
        return read(key) !== undefined;
      },
      inspect(key) {
        return { key: prefix + key, globalValue: read(key) };
      },
      update(key, value) {
        settings[prefix + key] = value;
        return Promise.resolve();
      },
      // Whole sections are returned as objects by real VS Code; spread them for callers that do.
      ...(section ? nestedSection(section) : {}),
    };
  }

  function nestedSection(section) {
    const out = {};
    for (const [k, v] of Object.entries(settings)) {
      if (k.startsWith(`${section}.`)) setPath(out, k.slice(section.length + 1).split('.'), v);
    }
    return out;
  }

  function setPath(target, keys, value) {
    let node = target;
    for (const key of keys.slice(0, -1)) node = node[key] ??= {};
    node[keys[keys.length - 1]] = value;
  }

  /** Changes a setting and tells listeners, as the settings editor does. */
  function changeSetting(key, value) {
    settings[key] = value;
    onDidChangeConfiguration.fire({
      affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) || section.startsWith(`${key}.`),
    });
  }

  function createStatusBarItem(idOrAlignment, alignmentOrPriority, maybePriority) {
    const withId = typeof idOrAlignment === 'string';
    const item = {
      id: withId ? idOrAlignment : undefined,
      alignment: withId ? alignmentOrPriority : idOrAlignment,
      priority: withId ? maybePriority : alignmentOrPriority,
      text: '',
      tooltip: undefined,
      command: undefined,
      backgroundColor: undefined,
      name: undefined,
      visible: false,
      disposed: false,
      show() {
        item.visible = true;
      },
      hide() {
        item.visible = false;
      },
      dispose() {
        item.disposed = true;
      },
    };
    state.statusBarItems.push(item);
    return item;
  }

  function createWebviewPanel(viewType, title, showOptions, panelOptions) {
    const onDidDispose = new EventEmitter();
    const panel = {
      viewType,
      title,
      showOptions,
      options: panelOptions ?? {},
      revealed: 0,
      disposed: false,
      webview: { html: '', options: panelOptions ?? {}, cspSource: 'vscode-resource:' },
      onDidDispose: onDidDispose.event,
      reveal() {
        panel.revealed++;
      },
      dispose() {
        if (panel.disposed) return;
        panel.disposed = true;
        onDidDispose.fire();
      },
    };
    state.panels.push(panel);
    return panel;
  }

  function createFileSystemWatcher(globPattern) {
    const events = { create: new EventEmitter(), change: new EventEmitter(), delete: new EventEmitter() };
    const watcher = {
      globPattern,
      disposed: false,
      onDidCreate: events.create.event,
      onDidChange: events.change.event,
      onDidDelete: events.delete.event,
      fire(kind, uri) {
        events[kind].fire(uri);
      },
      dispose() {
        watcher.disposed = true;
      },
    };
    state.watchers.push(watcher);
    return watcher;
  }

  function createOutputChannel(name) {
    const lines = [];
    const channel = new Proxy(
      { name, lines, append: (s) => lines.push(String(s)), appendLine: (s) => lines.push(String(s)), show() {}, hide() {}, clear() {}, replace() {}, dispose() {} },
      {
        // A LogOutputChannel's trace/debug/info/warn/error, and logLevel, all land in `lines`.
        get(target, prop) {
          if (prop in target) return target[prop];
          if (prop === 'logLevel') return 0;
          if (prop === 'onDidChangeLogLevel') return new EventEmitter().event;
          return (...args) => lines.push(args.map(String).join(' '));
        },
      },
    );
    state.outputChannels.push(channel);
    return channel;
  }

  function message(kind) {
    return (text, ...items) => {
      state.messages.push({ kind, text });
      return Promise.resolve(undefined);
    };
  }

  const workspaceFolder = options.workspaceFolder;
  const workspace = {
    workspaceFolders: workspaceFolder ? [{ uri: Uri.file(workspaceFolder), name: path.basename(workspaceFolder), index: 0 }] : undefined,
    textDocuments: [],
    notebookDocuments: [],
    getConfiguration,
    createFileSystemWatcher,
    onDidChangeConfiguration: onDidChangeConfiguration.event,
    onDidSaveTextDocument: onDidSaveTextDocument.event,
    getWorkspaceFolder: () => workspace.workspaceFolders?.[0],
  };
  const window = {
    activeTextEditor: options.activeDocumentUri ? { document: { uri: options.activeDocumentUri } } : undefined,
    visibleTextEditors: [],
    tabGroups: { all: [], onDidChangeTabs: new EventEmitter().event, onDidChangeTabGroups: new EventEmitter().event },
    createStatusBarItem,
    createWebviewPanel,
    createOutputChannel,
    showErrorMessage: message('error'),
    showWarningMessage: message('warning'),
    showInformationMessage: message('information'),
    withProgress: (_options, task) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: new EventEmitter().event }),
  };
  const languages = {
    createDiagnosticCollection,
    getDiagnostics,
    onDidChangeDiagnostics: onDidChangeDiagnostics.event,
    // Enough for the client's document filters: a language or a pattern on a file path.
    match(selector, document) {
      const filters = Array.isArray(selector) ? selector : [selector];
      return filters.some((f) => (typeof f === 'string' ? f === document.languageId : (!f.language || f.language === document.languageId) && (!f.scheme || f.scheme === document.uri.scheme))) ? 10 : 0;
    },
  };
  const commands = {
    registerCommand(id, callback) {
      if (state.commands.has(id)) throw new Error(`command '${id}' already exists`);
      state.commands.set(id, callback);
      return new Disposable(() => state.commands.delete(id));
    },
    executeCommand(id, ...args) {
      state.executed.push({ id, args });
      const callback = state.commands.get(id);
      return Promise.resolve(callback ? callback(...args) : undefined);
    },
    getCommands: () => Promise.resolve([...state.commands.keys()]),
  };
  const env = { appName: 'Visual Studio Code (stub)', language: 'en', machineId: 'stub', sessionId: 'stub', uriScheme: 'vscode', openExternal: () => Promise.resolve(true) };

  // Namespaces answer unknown members with events (onDid…/onWill…) or functions returning a
  // Disposable, the shape of nearly every registration in the API.
  const namespace = (name, explicit) =>
    new Proxy(explicit, {
      get(target, prop) {
        if (prop in target || typeof prop === 'symbol') return target[prop];
        state.unknown.add(`${name}.${String(prop)}`);
        if (/^on(Did|Will)/.test(prop)) return (target[prop] = new EventEmitter().event);
        return (target[prop] = () => new Disposable(() => {}));
      },
    });

  const explicit = {
    version: '1.95.0',
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity,
    ThemeColor,
    CancellationTokenSource,
    CodeActionKind,
    StatusBarAlignment,
    ViewColumn,
    workspace: namespace('workspace', workspace),
    window: namespace('window', window),
    languages: namespace('languages', languages),
    commands: namespace('commands', commands),
    env: namespace('env', env),
    extensions: namespace('extensions', { all: [], getExtension: () => undefined }),
    notebooks: namespace('notebooks', {}),
  };

  // Every other class and enum of the API version the extension is built against, as own
  // properties: the client subclasses some at load time (CodeLens, CompletionItem…), and
  // TypeScript's `import * as` copies only the own properties of the module. Enum members are
  // read only when a server offers the feature, so a name stands in for each value.
  const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  for (const [, kind, name] of declarations.matchAll(/^\s*export (class|enum|namespace) (\w+)/gm)) {
    if (name in explicit) continue;
    if (kind === 'namespace') {
      explicit[name] = namespace(name, {});
      continue;
    }
    const generic = class {
      constructor(...args) {
        this.args = args;
      }
    };
    Object.defineProperty(generic, 'name', { value: name });
    explicit[name] = new Proxy(generic, {
      get(cls, member) {
        if (member in cls || typeof member === 'symbol') return cls[member];
        return `${name}.${String(member)}`;
      },
    });
  }

  const vscode = new Proxy(explicit, {
    get(target, prop) {
      if (!(prop in target) && typeof prop !== 'symbol') state.unknown.add(String(prop));
      return target[prop];
    },
  });

  const context = { subscriptions: [], extensionPath: path.resolve(__dirname, '..', '..'), extensionUri: Uri.file(path.resolve(__dirname, '..', '..')) };

  return {
    vscode,
    state,
    context,
    settings,
    changeSetting,
    saveDocument: (uri) => onDidSaveTextDocument.fire({ uri }),
    /** Diagnostics from somewhere other than the client's own collections (another extension). */
    setForeignDiagnostics(uri, diagnostics) {
      diagnosticsByUri.set(uri.toString(), [uri, diagnostics]);
      onDidChangeDiagnostics.fire({ uris: [uri] });
    },
    listenerCounts: () => ({ diagnostics: onDidChangeDiagnostics.listenerCount, configuration: onDidChangeConfiguration.listenerCount }),
  };
}

module.exports = { createVscode };
