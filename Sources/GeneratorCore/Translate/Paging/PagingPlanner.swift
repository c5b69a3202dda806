/// Decides each operation's paging: its `x-pagination` description when it has one,
/// otherwise what ``PagingDetection`` finds; reports a cursor without a known next place.
struct PagingPlanner {
    let diagnostics: DiagnosticCollector

    /// The operation's paging for the model: `nil` when it does not page.
    func model(for indexed: IndexedOperation, parameters: [PendingParameter]) -> PagingModel? {
        let plan: PagingPlan
        if let (key, tree) = indexed.pagingDescription {
            guard
                let described = PagingDescription(
                    key: key, tree: tree, parameters: parameters, location: indexed.location, diagnostics: diagnostics
                ).read()
            else { return nil }
            plan = described
        } else {
            switch PagingDetection.detect(parameters) {
            case nil:
                return nil
            case .plan(let detected):
                plan = detected
            case .unknownPlace(let partial, let parameter, let summary):
                let kind = partial.kind
                let operation = "\(indexed.method.rawValue) \(indexed.path)"
                diagnostics.warning(
                    "\(operation) pages by \(summary), but neither its documentation nor an `x-pagination` description says where a response carries the next `\(parameter.wireName)`; it is generated without `client.pages(…)`",
                    at: parameter.source,
                    hint: "describe it in an overlay, e.g. `x-pagination: {inputs: [{name: \(parameter.wireName), type: \(kind == .cursor ? "cursor" : "carried"), from: $.data.…}]}`, or record response samples and let `generate infer` propose one")
                return PagingModel(
                    kind: kind.rawValue, parameters: summary, responseSide: "unknown: not paged", origin: "detected",
                    plan: nil, inputs: partial.inputModels)
            }
        }
        return PagingModel(
            kind: plan.kind.rawValue, parameters: plan.parameterSummary, responseSide: plan.responseSide,
            origin: plan.describedBy ?? "detected", plan: plan, inputs: plan.inputModels)
    }
}
