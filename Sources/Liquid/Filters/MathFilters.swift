enum MathFilters {
    static let all: [FilterDefinition] = []
}
