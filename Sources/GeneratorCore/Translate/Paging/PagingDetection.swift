import Foundation
import OpenAPIKit

/// Paging worked out from an operation's parameters when no `x-pagination` describes it: the
/// request side from their names and descriptions, the response side only where a
/// parameter's description names the response field its next value comes from.
///
/// - A page number (`page`, `pageNum`, `pageNumber`, `currentPage` …) or an offset (`offset`,
///   `limitOffset`, and `start` or `skip` described as pagination) advances by itself; the
///   page's items and "has more" follow the default rules (`Paging` in the runtime).
/// - A cursor (`cursor`, `lastCursor`, `pcursor`, `paginationToken`, `last_buffer` … or any
///   text parameter described as pagination) needs the place of its next value. A description
///   such as "use data.business_config.next_page.search_id from the previous response" gives
///   the path; "the `max_cursor` from the previous response", "returned as next_min_id",
///   "use the search_id value returned …" or "the 'nextCursor' field" give a member name,
///   found at any depth. Without one the operation does not page (a warning says how to
///   describe it): a guessed cursor would miss data or pay for the same page again.
/// - Beside a page number or offset, cursors and companions (`searchId`) are carried from one
///   response to the next request, and need a known place too.
enum PagingDetection {
    /// What was found: a plan, or the parameter whose next value has no known place.
    enum Finding {
        case plan(PagingPlan)
        /// `plan` holds every paging parameter, those without a known place with none.
        case unknownPlace(PagingPlan, parameter: PendingParameter, summary: String)
    }

    static func detect(_ parameters: [PendingParameter]) -> Finding? {
        var pages: [PendingParameter] = []
        var offsets: [PendingParameter] = []
        var cursors: [PendingParameter] = []
        var companions: [PendingParameter] = []
        for parameter in parameters where parameter.location == .query || parameter.location == .formField {
            switch role(of: parameter) {
            case .page?: pages.append(parameter)
            case .offset?: offsets.append(parameter)
            case .cursor?: cursors.append(parameter)
            case .companion?: companions.append(parameter)
            case nil: break
            }
        }
        let kind: PagingPlan.Kind
        var carried: [PendingParameter]
        if !pages.isEmpty {
            kind = .page
            carried = cursors + companions
        } else if !offsets.isEmpty {
            kind = .offset
            carried = cursors + companions
        } else if !cursors.isEmpty {
            kind = .cursor
            carried = Array(cursors.dropFirst()) + companions
        } else {
            return nil
        }
        var inputs: [PagingPlan.Input] = []
        for page in pages {
            inputs.append(PagingPlan.Input(name: page.wireName, location: location(page), role: .page(first: first(page, 1))))
        }
        for offset in offsets {
            inputs.append(PagingPlan.Input(name: offset.wireName, location: location(offset), role: .offset(first: first(offset, 0))))
        }
        var unknown: PendingParameter?
        if kind == .cursor, let cursor = cursors.first {
            if let from = namedResponseField(in: cursor.description) {
                inputs.append(
                    PagingPlan.Input(
                        name: cursor.wireName, location: location(cursor), role: .cursor, from: from, fromSource: .parameterDescription))
            } else {
                unknown = cursor
                inputs.append(PagingPlan.Input(name: cursor.wireName, location: location(cursor), role: .cursor))
            }
        }
        for parameter in carried {
            if let from = namedResponseField(in: parameter.description) {
                inputs.append(
                    PagingPlan.Input(
                        name: parameter.wireName, location: location(parameter), role: .carried, from: from,
                        fromSource: .parameterDescription))
            } else {
                if unknown == nil { unknown = parameter }
                inputs.append(PagingPlan.Input(name: parameter.wireName, location: location(parameter), role: .carried))
            }
        }
        let plan = PagingPlan(kind: kind, inputs: inputs, describedBy: nil)
        if let unknown {
            let names = (pages + offsets + cursors + companions).map { "`\($0.wireName)`" }.joined(separator: ", ")
            return .unknownPlace(plan, parameter: unknown, summary: names)
        }
        return .plan(plan)
    }

    private enum Role {
        case page, offset, cursor, companion
    }

    private static let pageNames: Set<String> = [
        "page", "pagenum", "pagenumber", "pageno", "pn", "currentpage", "pageindex", "curpage",
    ]
    private static let offsetNames: Set<String> = ["offset", "limitoffset"]
    /// Offsets only when their description speaks of paging.
    private static let describedOffsetNames: Set<String> = ["start", "skip"]
    private static let cursorNames: Set<String> = [
        "cursor", "lastcursor", "maxcursor", "mincursor", "pcursor", "nextcursor", "endcursor", "paginationtoken",
        "pagetoken", "nexttoken", "continuationtoken", "lastbuffer", "buffer", "cookiesbuffer", "after", "maxid",
        "minid", "sinceid", "scrollid",
    ]
    private static let companionNames: Set<String> = ["searchid", "logid", "searchsessionid"]
    /// Page sizes and counts: sent as the caller sets them, never advanced.
    private static let sizeNames: Set<String> = ["limit", "count", "size", "pagesize", "perpage", "num", "number"]

    private static func role(of parameter: PendingParameter) -> Role? {
        let name = parameter.wireName.lowercased().filter { $0 != "_" && $0 != "-" }
        let lowered = (parameter.description ?? "").lowercased()
        func mentions(_ phrase: String) -> Bool { TextSearch.contains(phrase, in: lowered) }
        let speaksOfPaging =
            mentions("pagination") || mentions("next page") || mentions("subsequent page")
            || mentions("previous response") || mentions("previous page")
        let type = valueKind(parameter.schema)
        if sizeNames.contains(name) || name.hasSuffix("size") { return nil }
        if pageNames.contains(name), type != .text || name == "page" { return .page }
        if offsetNames.contains(name) || (describedOffsetNames.contains(name) && speaksOfPaging) {
            // A numeric offset, or one typed as text that its description does not call a
            // value handed back by the previous response (which makes it a cursor).
            let handedBack = mentions("previous") || mentions("returned") || mentions("cursor")
            if type == .number || (type == .text && !handedBack) { return .offset }
            if type == .text { return .cursor }
        }
        if cursorNames.contains(name), type != .other { return .cursor }
        if companionNames.contains(name), type == .text { return .companion }
        guard speaksOfPaging else { return nil }
        switch type {
        case .number where mentions("offset"): return .offset
        case .number where mentions("page"): return .page
        case .text: return .cursor
        default: return nil
        }
    }

    private enum ValueKind {
        case number, text, other
    }

    private static func valueKind(_ schema: JSONSchema) -> ValueKind {
        switch schema.value {
        case .integer, .number: .number
        case .string: .text
        default: .other
        }
    }

    private static func location(_ parameter: PendingParameter) -> PagingPlan.Input.Location {
        parameter.location == .formField ? .formField : .query
    }

    /// The parameter's integer default, or `fallback`.
    private static func first(_ parameter: PendingParameter, _ fallback: Int) -> Int {
        if let value = parameter.schema.defaultValue?.value as? Int { return value }
        if let text = parameter.schema.defaultValue?.value as? String, let value = Int(text) { return value }
        return fallback
    }

    // MARK: The response field a description names

    private static let identifier = "[A-Za-z_][A-Za-z0-9_]*"
    /// A dotted path from `data`: "use data.business_config.next_page.search_id from …".
    private static let dottedPath = try! NSRegularExpression(pattern: "\\bdata((?:\\.\(identifier))+)")
    /// A member name the description quotes or calls a returned value, most specific first.
    private static let memberPatterns = [
        "returned as (\(identifier))",
        "the (\(identifier)) value returned",
        "`(\(identifier))`",
        "'(\(identifier))'",
    ].map { try! NSRegularExpression(pattern: $0) }

    /// The response place a parameter's description gives for its next value, if any: only
    /// descriptions that speak of a response (or a returned value) count.
    static func namedResponseField(in description: String?) -> ResponsePathSyntax? {
        guard let description else { return nil }
        let lowered = description.lowercased()
        guard lowered.contains("response") || lowered.contains("returned") else { return nil }
        let range = NSRange(description.startIndex..., in: description)
        if let match = dottedPath.firstMatch(in: description, range: range),
            let tail = Range(match.range(at: 1), in: description)
        {
            let keys = description[tail].split(separator: ".").map { ResponsePathSyntax.Step.key(String($0)) }
            return ResponsePathSyntax(steps: [.key("data")] + keys)
        }
        for pattern in memberPatterns {
            if let match = pattern.firstMatch(in: description, range: range), let name = Range(match.range(at: 1), in: description) {
                return ResponsePathSyntax(steps: [.descendant(String(description[name]))])
            }
        }
        return nil
    }
}
