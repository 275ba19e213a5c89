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
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startSmtpSink = startSmtpSink;
exports.runSmtpSource = runSmtpSource;
exports.waitForSmtpGreeting = waitForSmtpGreeting;
var node_child_process_1 = require("node:child_process");
var testkit_1 = require("@portcullis/testkit");
/** Postfix's smtp-sink: a fast, independent SMTP server that accepts and discards. */
function startSmtpSink(port, logDir) {
    // As root smtp-sink insists on dropping privileges after binding.
    return (0, testkit_1.startProcess)('smtp-sink', 'smtp-sink', ['-u', 'nobody', "127.0.0.1:".concat(port), '1000'], {}, logDir);
}
/** Runs Postfix's smtp-source and returns the messages per second it achieved. */
function runSmtpSource(port, load) {
    return __awaiter(this, void 0, void 0, function () {
        var args, startedAt, _a, code, stderr, seconds;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    args = __spreadArray(__spreadArray([
                        '-s', String(load.sessions),
                        '-m', String(load.messages),
                        '-l', String(load.messageBytes),
                        '-f', 'bench@sender.example',
                        '-t', 'rcpt@protected.example'
                    ], (load.isPersistent ? ['-d'] : []), true), [
                        "127.0.0.1:".concat(port),
                    ], false);
                    startedAt = process.hrtime.bigint();
                    return [4 /*yield*/, new Promise(function (resolve) {
                            var child = (0, node_child_process_1.spawn)('smtp-source', args, { stdio: ['ignore', 'ignore', 'pipe'] });
                            var errors = '';
                            child.stderr.on('data', function (chunk) { return (errors += chunk); });
                            child.on('exit', function (exitCode) { return resolve({ code: exitCode, stderr: errors }); });
                        })];
                case 1:
                    _a = _b.sent(), code = _a.code, stderr = _a.stderr;
                    seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
                    if (code !== 0 || stderr.includes('fatal') || stderr.includes('error')) {
                        throw new Error("smtp-source failed (".concat(code, "): ").concat(stderr.trim().slice(0, 300)));
                    }
                    return [2 /*return*/, load.messages / seconds];
            }
        });
    });
}
function waitForSmtpGreeting(port_1) {
    return __awaiter(this, arguments, void 0, function (port, timeoutMs) {
        var net, deadline, isReady;
        if (timeoutMs === void 0) { timeoutMs = 20000; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, Promise.resolve().then(function () { return require('node:net'); })];
                case 1:
                    net = _a.sent();
                    deadline = Date.now() + timeoutMs;
                    _a.label = 2;
                case 2:
                    if (!(Date.now() < deadline)) return [3 /*break*/, 5];
                    return [4 /*yield*/, new Promise(function (resolve) {
                            var socket = net.connect(port, '127.0.0.1');
                            socket.once('data', function (chunk) {
                                socket.destroy();
                                resolve(chunk.toString().startsWith('220'));
                            });
                            socket.once('error', function () { return resolve(false); });
                        })];
                case 3:
                    isReady = _a.sent();
                    if (isReady)
                        return [2 /*return*/];
                    return [4 /*yield*/, new Promise(function (resolve) { return setTimeout(resolve, 200); })];
                case 4:
                    _a.sent();
                    return [3 /*break*/, 2];
                case 5: throw new Error("nothing greeted on port ".concat(port, " within ").concat(timeoutMs, " ms"));
            }
        });
    });
}
