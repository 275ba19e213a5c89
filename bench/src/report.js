"use strict";
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
exports.printTable = printTable;
var pad = function (text, width) { return text.padStart(width); };
/** Prints messages per second side by side, then Portcullis's ratios to each peer. */
function printTable(rows, targets, meta) {
    var _a = targets, direct = _a[0], haraka = _a[1], portcullis = _a[2];
    var out = [];
    out.push("SMTP relay throughput, messages/s (median of ".concat(meta.rounds, " rounds, ").concat(meta.sessions, " sessions)"));
    out.push('');
    var header = __spreadArray(__spreadArray(['load'.padEnd(36)], targets.map(function (t) { return pad(t, 22); }), true), [pad('vs Haraka', 10), pad('vs direct', 10)], false);
    out.push(header.join(' '));
    var _loop_1 = function (row) {
        var cells = targets.map(function (t) { return pad(row.figures[t].toFixed(0), 22); });
        var vsHaraka = row.figures[portcullis] / row.figures[haraka];
        var vsDirect = row.figures[portcullis] / row.figures[direct];
        out.push(__spreadArray(__spreadArray([row.load.padEnd(36)], cells, true), [pad("".concat(vsHaraka.toFixed(2), "x"), 10), pad(vsDirect.toFixed(3), 10)], false).join(' '));
    };
    for (var _i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
        var row = rows_1[_i];
        _loop_1(row);
    }
    out.push('');
    var rss = meta.peakRss === null ? 'unknown' : "".concat((meta.peakRss / 1024 / 1024).toFixed(1), " MiB");
    out.push("Portcullis worker peak RSS (VmHWM): ".concat(rss));
    process.stdout.write("".concat(out.join('\n'), "\n"));
}
