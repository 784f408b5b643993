'use strict';
// Loads the extension's CommonJS code with some modules replaced. Node's test runner starts one
// process per test file, so the hook stays for the file's lifetime and stubs can be swapped
// between tests with `setStubs`.
const Module = require('module');
const path = require('path');

let stubs = {};
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (Object.prototype.hasOwnProperty.call(stubs, request)) {
    return stubs[request];
  }
  return originalLoad.call(this, request, parent, isMain);
};

function setStubs(next) {
  stubs = { ...next };
}

/**
 * Requires `file` afresh: the extension keeps its client and panels in module state, and each
 * test starts from a newly activated extension. Every cached module under `root` is forgotten.
 */
function freshRequire(file, root = path.dirname(file)) {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root + path.sep)) {
      delete require.cache[key];
    }
  }
  return require(file);
}

module.exports = { setStubs, freshRequire };
