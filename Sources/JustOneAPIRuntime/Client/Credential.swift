/// The API token, kept out of every description, dump and log.
struct Credential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let token: String
    var description: String { Redactor.placeholder }
    var debugDescription: String { Redactor.placeholder }
    var customMirror: Mirror { Mirror(self, children: []) }
}
