#!/usr/bin/env node
"use strict";
// The compiled command line (npm ci runs "prepare", which builds lib/).
require("../lib/src/cli/main.js").run();
