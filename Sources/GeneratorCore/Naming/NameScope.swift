/// Hands out unique names within one scope (a type's members, a namespace's methods, the
/// module's types). A name already taken gets the smallest free number: `name2`, `name3`.
///
/// Callers claim names in a stable order (sorted keys, document order), so the result does not
/// depend on file order or timing: the claimant that comes first in that order keeps the plain
/// name.
///
/// A scope that ``foldsCase`` treats claimed names that differ only in case as the same: type
/// names become file names, and macOS and Windows compare file names without regard to case,
/// so `CustomHostname` and `Customhostname` cannot both be files of one folder. (Punctuation
/// never reaches a Swift name, so names that differ only in it arrive here equal.) Reserved
/// names are compared exactly: they stand for Swift's and the runtime's names, not for files.
struct NameScope {
    /// Whether claimed names that differ only in case count as the same.
    let foldsCase: Bool
    /// Reserved names shared with other scopes (the module's type names, which every nested
    /// scope reserves): kept as given, never copied, so that making a scope costs nothing per
    /// module type.
    private let sharedReserved: Set<String>
    private var reserved: Set<String>
    /// The claimed names, folded where the scope folds case, with the name as claimed.
    private var claimed: [String: String] = [:]

    init(reserved: some Sequence<String> = [], foldsCase: Bool = false) {
        self.init(sharing: [], reserved: reserved, foldsCase: foldsCase)
    }

    /// A scope that reserves `shared` (not copied) and `reserved`.
    init(sharing shared: Set<String>, reserved: some Sequence<String> = [], foldsCase: Bool = false) {
        self.foldsCase = foldsCase
        sharedReserved = shared
        self.reserved = Set(reserved)
    }

    func isTaken(_ name: String) -> Bool { holder(of: name) != nil }

    /// The name that holds `name`: itself (reserved or claimed), or a claimed name that differs
    /// only in case.
    func holder(of name: String) -> String? {
        reserved.contains(name) || sharedReserved.contains(name) ? name : claimed[key(name)]
    }

    /// `base`, or `base2`, `base3` … whichever is free first; the returned name is now taken.
    mutating func claim(_ base: String) -> String {
        var name = base
        var number = 2
        while isTaken(name) {
            name = "\(base)\(number)"
            number += 1
        }
        claimed[key(name)] = name
        return name
    }

    private func key(_ name: String) -> String { foldsCase ? name.lowercased() : name }
}
