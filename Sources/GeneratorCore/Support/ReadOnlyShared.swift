/// A value that is not `Sendable` (OpenAPIKit's documents, the translator's state) handed to
/// other threads. It is shared this way only while no thread changes it: written by one thread
/// and read by others after it has finished (the pieces of ``PathShards``), or read by several
/// at once (the runs of ``DocumentValidator``, the namespaces of ``Translator``). A thread that
/// needs to change it changes its own copy.
struct ReadOnlyShared<Value>: @unchecked Sendable {
    let value: Value
}
