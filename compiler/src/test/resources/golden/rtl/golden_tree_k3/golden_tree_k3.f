golden_tree_k3_fit.v
golden_tree_k3.v
