enum HTMLFilters {
    static let all: [FilterDefinition] = []
}
