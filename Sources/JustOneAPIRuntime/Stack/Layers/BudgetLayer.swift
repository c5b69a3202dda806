import Foundation

/// Budget: each attempt takes a share of the ``RequestBudget`` before it waits for a slot, or
/// is refused when a cap is reached. The share is used when the request is handed to the
/// transport, and given back if the attempt ends without that (cancelled while waiting,
/// refused by an account stop).
struct BudgetLayer: CallLayer {
    let ledger: BudgetLedger
    let events: CallEvents

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        let operationID = call.operationID
        switch ledger.take(operationID) {
        case .success(let remaining):
            events.record(.budgetTaken(remaining: remaining, operationRemaining: ledger.left(for: operationID)), call)
        case .failure(let exhaustion):
            throw call.refusal(.budgetExhausted(exhaustion))
        }
        var call = call
        let share = BudgetShare(ledger: ledger, operationID: operationID)
        call.budgetShare = share
        defer {
            if share.giveBackUnlessUsed() {
                events.record(
                    .budgetGivenBack(remaining: ledger.left.client, operationRemaining: ledger.left(for: operationID)), call)
            }
        }
        return try await next(call)
    }
}

/// One attempt's share of a ``RequestBudget``: used when the request is sent, given back if
/// it never is.
final class BudgetShare: @unchecked Sendable {
    private let lock = NSLock()
    private let ledger: BudgetLedger
    private let operationID: String
    private var settled = false

    init(ledger: BudgetLedger, operationID: String) {
        self.ledger = ledger
        self.operationID = operationID
    }

    /// The request was handed to the transport: the share is spent.
    func use() { lock.withLock { settled = true } }

    /// Takes one more share for a second request of the same attempt; the cap reached if none is left.
    func another() -> BudgetExhaustion? {
        switch ledger.take(operationID) {
        case .success: nil
        case .failure(let exhaustion): exhaustion
        }
    }

    /// Gives the share back if the request was never sent (once); returns whether it did.
    func giveBackUnlessUsed() -> Bool {
        let giveBack = lock.withLock {
            defer { settled = true }
            return !settled
        }
        if giveBack { ledger.giveBack(operationID) }
        return giveBack
    }
}
