print("missive-bench")
