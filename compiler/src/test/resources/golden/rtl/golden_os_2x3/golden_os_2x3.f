golden_os_2x3_fit.v
golden_os_2x3_delay.v
golden_os_2x3_pe.v
golden_os_2x3.v
