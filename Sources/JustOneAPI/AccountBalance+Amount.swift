import Foundation

extension AccountBalance {
    /// The balance as a number: read from decimal text (`"123.4500"`, as the API has been seen
    /// to send it) or from a JSON number; `nil` when the response has neither.
    ///
    /// ```swift
    /// let balance = try await client.user.getBalance()
    /// if let amount = balance.data.amount, amount < 10 { … }
    /// ```
    public var amount: Decimal? {
        switch jsonValue["balance"] {
        case .string(let text)?: Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
        case .integer(let value)?: Decimal(value)
        case .double(let value)?: Decimal(string: String(value), locale: Locale(identifier: "en_US_POSIX"))
        default: nil
        }
    }
}
