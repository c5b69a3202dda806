import OpenAPIKit

/// Runs OpenAPIKit's validations (operation IDs unique, parameters unique, server variables …)
/// plus the checks this generator adds, and reports each finding at its place in the file.
///
/// References are checked later, against all documents merged (``SpecIndex/checkReferences``),
/// so that a reference may point to a component another document defines.
struct DocumentValidator {
    /// Reasons that start with this marker are reported as warnings, not errors.
    static let warningMarker = "[warning] "

    /// A `default` that is not one of the schema's own `enum` values.
    ///
    /// The published Just One API catalog has ten of these (`range` defaults to `"90"` while its
    /// values are `DAY_30` and `DAY_90`). Generated code cannot express such a default, so it
    /// leaves the parameter out and the server applies its own default.
    static var defaultIsOneOfTheEnumValues: Validation<JSONSchema> {
        Validation<JSONSchema>(
        description: "A schema's default is one of its enum values",
        check: { context in
            guard let allowed = context.subject.allowedValues, let defaultValue = context.subject.defaultValue,
                !allowed.contains(defaultValue)
            else { return [] }
            let values = allowed.map { "`\($0.description)`" }.joined(separator: ", ")
            return [
                ValidationError(
                    reason: warningMarker
                        + "the default `\(defaultValue.description)` is not one of the enum values \(values); "
                        + "the generated code sends no value by default, so that the server applies its own default",
                    at: context.codingPath)
            ]
        }
        )
    }

    func validate(_ document: OpenAPI.Document, in file: SourceFile, diagnostics: DiagnosticCollector) {
        let validator = Validator().skippingReferenceValidations().validating(Self.defaultIsOneOfTheEnumValues)
        do {
            try document.validate(using: validator, strict: false)
        } catch let collection as ValidationErrorCollection {
            for error in collection.values {
                let location = SourceLocation(file: file.path, pointer: JSONPointer.pointer(error.codingPath))
                if error.reason.hasPrefix(Self.warningMarker) {
                    diagnostics.warning(String(error.reason.dropFirst(Self.warningMarker.count)), at: location)
                } else {
                    diagnostics.error(
                        "invalid OpenAPI document: \(error.reason)", at: location,
                        hint: "correct the document so that it follows the OpenAPI specification")
                }
            }
        } catch {
            diagnostics.error("the document could not be validated: \(error)", at: SourceLocation(file: file.path))
        }
    }
}
