/// Whether identical calls made while one of them is in flight share its outcome:
/// ``ClientConfiguration/inFlightSharing``.
///
/// Ten tasks that want the same page at once make one paid call: the first is sent, the others
/// wait for it and get its response (``APIResponse/origin`` is ``ResponseOrigin/sharedCall``)
/// or its error. On by default for requests that only read (``Request/isReadOnly``: every Just
/// One API operation, and GET elsewhere); turned on or off per operation.
public struct InFlightSharing: Sendable, Hashable {
    /// Whether read-only requests share calls in flight.
    public var sharesReadOnlyRequests: Bool
    /// Operations that share, or do not, whatever their requests say, by `operationId`.
    public var byOperation: [String: Bool]

    public init(sharesReadOnlyRequests: Bool = true, byOperation: [String: Bool] = [:]) {
        self.sharesReadOnlyRequests = sharesReadOnlyRequests
        self.byOperation = byOperation
    }

    /// Read-only requests share calls in flight: the default.
    public static let readOnlyRequests = InFlightSharing()

    /// No call is shared.
    public static let off = InFlightSharing(sharesReadOnlyRequests: false)

    /// This setting, with `operation` sharing calls in flight or not.
    public func sharing<Operation: APIOperation>(_ operation: Operation.Type, _ shares: Bool) -> InFlightSharing {
        var sharing = self
        sharing.byOperation[Operation.operationID] = shares
        return sharing
    }

    /// Whether `request` shares calls in flight.
    func shares<Output>(_ request: Request<Output>) -> Bool {
        (byOperation.isEmpty ? nil : byOperation[request.operationID]) ?? (sharesReadOnlyRequests && request.isReadOnly)
    }
}
