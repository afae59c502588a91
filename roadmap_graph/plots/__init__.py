"""The figures: matplotlib functions in the style of seaborn (``plot_x(G, *, ax=None, ...)
-> Axes``), one module each. matplotlib is imported only when a figure is drawn."""
