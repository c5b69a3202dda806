/// Hands out unique names within one scope (a type's members, a namespace's methods, the
/// module's types). A name already taken gets the smallest free number: `name2`, `name3`.
///
/// Callers claim names in a stable order (document order, sorted paths), so the result does not
/// depend on file order or timing.
struct NameScope {
    private var taken: Set<String>

    init(reserved: some Sequence<String> = []) {
        taken = Set(reserved)
    }

    func isTaken(_ name: String) -> Bool { taken.contains(name) }

    /// `base`, or `base2`, `base3` … whichever is free first; the returned name is now taken.
    mutating func claim(_ base: String) -> String {
        var name = base
        var number = 2
        while taken.contains(name) {
            name = "\(base)\(number)"
            number += 1
        }
        taken.insert(name)
        return name
    }
}
