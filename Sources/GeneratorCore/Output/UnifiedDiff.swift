/// A line diff in the unified format (`diff -u`), from Myers' algorithm.
public enum UnifiedDiff {
    /// The unified diff from `old` to `new`, with `context` unchanged lines around each change;
    /// empty when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != .same else {
                index += 1
                continue
            }
            // A hunk: from `context` lines before this change to `context` lines after the last
            // change that is no more than 2 × context lines further.
            var start = index
            var keep = 0
            while start > 0 && keep < context && script[start - 1].kind == .same {
                start -= 1
                keep += 1
            }
            var end = index
            var sameRun = 0
            while end < script.count {
                if script[end].kind == .same {
                    sameRun += 1
                    if sameRun > context * 2 { break }
                } else {
                    sameRun = 0
                }
                end += 1
            }
            end -= max(0, sameRun - context)
            let hunk = script[start..<end]
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
            for step in hunk {
                switch step.kind {
                case .same: output += " " + a[step.oldIndex] + "\n"
                case .delete: output += "-" + a[step.oldIndex] + "\n"
                case .insert: output += "+" + b[step.newIndex] + "\n"
                }
            }
            index = end
        }
        return output
    }

    private static func lines(_ text: String) -> [Substring] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last == "" { result.removeLast() }
        return result
    }

    struct Step {
        enum Kind { case same, delete, insert }
        let kind: Kind
        /// Position in the old text (for `insert`: where the insertion happens).
        let oldIndex: Int
        /// Position in the new text (for `delete`: where the deletion happens).
        let newIndex: Int
    }

    /// The shortest edit script from `a` to `b`.
    static func editScript(_ a: [Substring], _ b: [Substring]) -> [Step] {
        let n = a.count
        let m = b.count
        let max = n + m
        var v = Array(repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                    x = v[k + 1 + max]
                } else {
                    x = v[k - 1 + max] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + max] = x
                if x >= n && y >= m {
                    found = true
                    break
                }
            }
            if found { break }
        }
        var steps: [Step] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = v[previousK + max]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                steps.append(Step(kind: .same, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    steps.append(Step(kind: .insert, oldIndex: x, newIndex: previousY))
                } else {
                    steps.append(Step(kind: .delete, oldIndex: previousX, newIndex: y))
                }
            }
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }
}
