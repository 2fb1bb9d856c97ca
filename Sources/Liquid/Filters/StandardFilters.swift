/// Every standard filter of Shopify Liquid 5, by name. Each group lives in its own file.
public enum StandardFilters {
    public static let all: [String: FilterDefinition] = {
        var map: [String: FilterDefinition] = [:]
        for f in StringFilters.all + HTMLFilters.all + ArrayFilters.all + MathFilters.all + DateFilters.all {
            map[f.name] = f
        }
        return map
    }()
}
