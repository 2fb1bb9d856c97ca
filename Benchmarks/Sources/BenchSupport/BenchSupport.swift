public enum BenchSupport {}
