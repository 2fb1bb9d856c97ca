enum DateFilters {
    static let all: [FilterDefinition] = []
}
