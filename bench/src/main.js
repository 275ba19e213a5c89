"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
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
var _a;
Object.defineProperty(exports, "__esModule", { value: true });
// `npm run bench`: SMTP throughput of Portcullis beside Postfix's smtp-sink reached
// directly and Haraka relaying to the same sink, all measured in one run with
// Postfix's smtp-source. Prints messages per second, ratios and the worker's peak RSS.
var promises_1 = require("node:fs/promises");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var testkit_1 = require("@portcullis/testkit");
var haraka_ts_1 = require("./haraka.ts");
var measure_ts_1 = require("./measure.ts");
var portcullis_ts_1 = require("./portcullis.ts");
var smtp_tools_ts_1 = require("./smtp-tools.ts");
var report_ts_1 = require("./report.ts");
var ROUNDS = Number((_a = process.env.BENCH_ROUNDS) !== null && _a !== void 0 ? _a : 3);
var SESSIONS = 20;
var LOADS = [
    { label: '1 KB, new connection per message', messageBytes: 1024, isPersistent: false },
    { label: '100 KB, new connection per message', messageBytes: 102400, isPersistent: false },
    { label: '1 KB, persistent connections', messageBytes: 1024, isPersistent: true },
    { label: '100 KB, persistent connections', messageBytes: 102400, isPersistent: true },
];
function main() {
    return __awaiter(this, void 0, void 0, function () {
        var workDir, _a, sinkPort, harakaPort, portcullisPort, _b, started, sink, haraka, portcullis, targets, rows, _i, LOADS_1, load, figures, _c, targets_1, target, result, peakRss, _d, _e, service;
        return __generator(this, function (_f) {
            switch (_f.label) {
                case 0: return [4 /*yield*/, (0, promises_1.mkdtemp)(node_path_1.default.join(node_os_1.default.tmpdir(), 'portcullis-bench-'))];
                case 1:
                    workDir = _f.sent();
                    return [4 /*yield*/, (0, testkit_1.findFreePort)()];
                case 2:
                    _b = [_f.sent()];
                    return [4 /*yield*/, (0, testkit_1.findFreePort)()];
                case 3:
                    _b = _b.concat([_f.sent()]);
                    return [4 /*yield*/, (0, testkit_1.findFreePort)()];
                case 4:
                    _a = _b.concat([_f.sent()]), sinkPort = _a[0], harakaPort = _a[1], portcullisPort = _a[2];
                    started = [];
                    _f.label = 5;
                case 5:
                    _f.trys.push([5, , 18, 23]);
                    return [4 /*yield*/, (0, smtp_tools_ts_1.startSmtpSink)(sinkPort, workDir)];
                case 6:
                    sink = _f.sent();
                    started.push(sink);
                    return [4 /*yield*/, (0, haraka_ts_1.startHaraka)(harakaPort, sinkPort, node_path_1.default.join(workDir, 'haraka'))];
                case 7:
                    haraka = _f.sent();
                    started.push(haraka);
                    return [4 /*yield*/, (0, portcullis_ts_1.startPortcullis)(portcullisPort, sinkPort, node_path_1.default.join(workDir, 'portcullis'))];
                case 8:
                    portcullis = _f.sent();
                    started.push(portcullis.stack);
                    return [4 /*yield*/, Promise.all([sinkPort, harakaPort, portcullisPort].map(function (port) { return (0, smtp_tools_ts_1.waitForSmtpGreeting)(port); }))];
                case 9:
                    _f.sent();
                    targets = [
                        { name: 'direct to smtp-sink', port: sinkPort },
                        { name: 'Haraka smtp_forward', port: harakaPort },
                        { name: 'Portcullis, no checks', port: portcullisPort },
                    ];
                    rows = [];
                    _i = 0, LOADS_1 = LOADS;
                    _f.label = 10;
                case 10:
                    if (!(_i < LOADS_1.length)) return [3 /*break*/, 16];
                    load = LOADS_1[_i];
                    figures = {};
                    _c = 0, targets_1 = targets;
                    _f.label = 11;
                case 11:
                    if (!(_c < targets_1.length)) return [3 /*break*/, 14];
                    target = targets_1[_c];
                    return [4 /*yield*/, (0, measure_ts_1.measureTarget)(target.port, __assign({ sessions: SESSIONS }, load), ROUNDS)];
                case 12:
                    result = _f.sent();
                    figures[target.name] = result.median;
                    _f.label = 13;
                case 13:
                    _c++;
                    return [3 /*break*/, 11];
                case 14:
                    rows.push({ load: load.label, figures: figures });
                    _f.label = 15;
                case 15:
                    _i++;
                    return [3 /*break*/, 10];
                case 16: return [4 /*yield*/, (0, testkit_1.readPeakRssBytes)(portcullis.workerPid)];
                case 17:
                    peakRss = _f.sent();
                    (0, report_ts_1.printTable)(rows, targets.map(function (t) { return t.name; }), { rounds: ROUNDS, sessions: SESSIONS, peakRss: peakRss });
                    return [3 /*break*/, 23];
                case 18:
                    _d = 0, _e = started.reverse();
                    _f.label = 19;
                case 19:
                    if (!(_d < _e.length)) return [3 /*break*/, 22];
                    service = _e[_d];
                    return [4 /*yield*/, service.stop().catch(function () { return undefined; })];
                case 20:
                    _f.sent();
                    _f.label = 21;
                case 21:
                    _d++;
                    return [3 /*break*/, 19];
                case 22: return [7 /*endfinally*/];
                case 23: return [2 /*return*/];
            }
        });
    });
}
main().catch(function (error) {
    var _a;
    process.stderr.write("bench failed: ".concat((_a = error.stack) !== null && _a !== void 0 ? _a : error, "\n"));
    process.exit(1);
});
