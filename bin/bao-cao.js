#!/usr/bin/env node
"use strict";
// Dòng lệnh đã biên dịch (npm ci chạy "prepare" để tạo lib/).
require("../lib/src/cli/main.js");
