"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startHaraka = startHaraka;
var node_child_process_1 = require("node:child_process");
var promises_1 = require("node:fs/promises");
var node_path_1 = require("node:path");
var testkit_1 = require("@portcullis/testkit");
var HARAKA_BIN = node_path_1.default.join(testkit_1.REPO_ROOT, 'node_modules/Haraka/bin/haraka');
// Haraka asks DNS for the client's reverse name and needs a plugin to accept
// recipients; this one answers both so the comparison measures relaying only.
var ACCEPT_PLUGIN = "\nexports.hook_lookup_rdns = function (next) { next(OK, 'localhost'); };\nexports.hook_rcpt = function (next) { next(OK); };\n";
/** Haraka relaying to the sink with smtp_forward, in one process, as the peer. */
function startHaraka(port, sinkPort, dir) {
    return __awaiter(this, void 0, void 0, function () {
        var init, config;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    init = (0, node_child_process_1.spawnSync)(process.execPath, [HARAKA_BIN, '-i', dir], { encoding: 'utf8' });
                    if (init.status !== 0)
                        throw new Error("haraka -i failed: ".concat(init.stderr));
                    config = node_path_1.default.join(dir, 'config');
                    return [4 /*yield*/, (0, promises_1.cp)(node_path_1.default.join(testkit_1.REPO_ROOT, 'node_modules/Haraka/config/connection.ini'), node_path_1.default.join(config, 'connection.ini'))];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, (0, promises_1.writeFile)(node_path_1.default.join(config, 'smtp.ini'), "listen=127.0.0.1:".concat(port, "\nnodes=0\n"))];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, (0, promises_1.writeFile)(node_path_1.default.join(config, 'log.ini'), '[main]\nlevel=error\n')];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, (0, promises_1.writeFile)(node_path_1.default.join(config, 'plugins'), 'bench_accept\nqueue/smtp_forward\n')];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, (0, promises_1.writeFile)(node_path_1.default.join(config, 'smtp_forward.ini'), "host=127.0.0.1\nport=".concat(sinkPort, "\nenable_outbound=false\n"))];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, (0, promises_1.writeFile)(node_path_1.default.join(dir, 'plugins', 'bench_accept.js'), ACCEPT_PLUGIN)];
                case 6:
                    _a.sent();
                    return [2 /*return*/, (0, testkit_1.startProcess)('haraka', process.execPath, [HARAKA_BIN, '-c', dir], {}, dir)];
            }
        });
    });
}
