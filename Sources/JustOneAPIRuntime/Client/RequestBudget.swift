import Foundation

/// A cap on the requests a client sends, client-wide and per operation: a job over 10,000
/// creators that must not spend more than it was given.
///
/// Every attempt counts, retries included, since each may be billed. An attempt that would go
/// past a cap is not sent: it throws ``JustOneAPIError`` with the reason
/// ``JustOneAPIError/Reason/budgetExhausted(_:)``, a first attempt and a retry alike. An attempt
/// takes its share before it waits for a slot under the concurrency limit, so 2,000 concurrent
/// calls against a budget of 1,000 send exactly 1,000; one that ends up not being sent
/// (cancelled while waiting, refused by an account stop) gives its share back.
///
/// ```swift
/// let budget = RequestBudget(maxRequests: 1_000).limiting(DouyinXingtuAPI.GetAuthorTags.self, to: 200)
/// let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(budget: budget))
/// ```
public struct RequestBudget: Sendable, Hashable {
    /// The most requests the client sends in all; `nil` for no client-wide cap.
    public var maxRequests: Int?
    /// The most requests sent for each of these operations, by `operationId`.
    public var maxRequestsByOperation: [String: Int]

    public init(maxRequests: Int? = nil, maxRequestsByOperation: [String: Int] = [:]) {
        self.maxRequests = maxRequests.map { max(0, $0) }
        self.maxRequestsByOperation = maxRequestsByOperation.mapValues { max(0, $0) }
    }

    /// This budget, with at most `limit` requests for `operation`.
    public func limiting<Operation: APIOperation>(_ operation: Operation.Type, to limit: Int) -> RequestBudget {
        var budget = self
        budget.maxRequestsByOperation[Operation.operationID] = max(0, limit)
        return budget
    }
}

/// Why a request was not sent: which budget is used up.
public struct BudgetExhaustion: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which cap was reached.
    public enum Scope: Sendable, Hashable {
        /// The client-wide cap, ``RequestBudget/maxRequests``.
        case client
        /// The cap of the operation with this `operationId`.
        case operation(String)
        /// A cap shared with other clients (the workers of a job), kept outside this client
        /// by what it names: ``ClientMiddleware``s such as the jobs' shared budget throw it.
        case shared(String)
    }

    public let scope: Scope
    /// The cap that was reached.
    public let limit: Int

    public init(scope: Scope, limit: Int) {
        self.scope = scope
        self.limit = limit
    }

    public var description: String {
        switch scope {
        case .client:
            "the client's budget of \(limit) request\(limit == 1 ? "" : "s") is used up"
        case .operation(let operationID):
            "the budget of \(limit) request\(limit == 1 ? "" : "s") for \(operationID) is used up"
        case .shared(let holder):
            "the budget of \(limit) request\(limit == 1 ? "" : "s") shared by \(holder) is used up"
        }
    }
}

/// What is left of a ``RequestBudget``, taken and given back under one lock.
final class BudgetLedger: @unchecked Sendable {
    private let lock = NSLock()
    private let budget: RequestBudget
    private var remaining: Int?
    private var remainingByOperation: [String: Int]

    init(_ budget: RequestBudget) {
        self.budget = budget
        remaining = budget.maxRequests
        remainingByOperation = budget.maxRequestsByOperation
    }

    /// Takes one request of `operationID`'s share and the client's, or neither: `nil` when
    /// taken, otherwise the cap that is used up. Returns what remains client-wide.
    func take(_ operationID: String) -> Result<Int?, BudgetExhaustion> {
        lock.withLock {
            if let left = remainingByOperation[operationID], left <= 0 {
                return .failure(
                    BudgetExhaustion(scope: .operation(operationID), limit: budget.maxRequestsByOperation[operationID] ?? 0))
            }
            if let left = remaining, left <= 0 {
                return .failure(BudgetExhaustion(scope: .client, limit: budget.maxRequests ?? 0))
            }
            remaining = remaining.map { $0 - 1 }
            if let left = remainingByOperation[operationID] { remainingByOperation[operationID] = left - 1 }
            return .success(remaining)
        }
    }

    /// Gives back a share taken for a request that was not sent. Returns what remains client-wide.
    @discardableResult
    func giveBack(_ operationID: String) -> Int? {
        lock.withLock {
            remaining = remaining.map { $0 + 1 }
            if let left = remainingByOperation[operationID] { remainingByOperation[operationID] = left + 1 }
            return remaining
        }
    }

    /// What remains, client-wide and per operation.
    var left: (client: Int?, byOperation: [String: Int]) {
        lock.withLock { (remaining, remainingByOperation) }
    }

    /// What remains of `operationID`'s own cap, if it has one.
    func left(for operationID: String) -> Int? {
        lock.withLock { remainingByOperation[operationID] }
    }
}
