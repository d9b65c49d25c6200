golden_ws_2x2_fit.v
golden_ws_2x2_delay.v
golden_ws_2x2_pe.v
golden_ws_2x2.v
