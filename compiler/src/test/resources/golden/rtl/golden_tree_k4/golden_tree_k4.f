golden_tree_k4_fit.v
golden_tree_k4.v
