package io.finkperf.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/** Flat outlined bars, each column in its own colour, with a label drawn once the column's bar is painted. */
abstract class LabelledBarRenderer extends BarRenderer {

    LabelledBarRenderer(Color outline, float outlineWidth, double maxBarWidth) {
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(true);
        setDefaultOutlinePaint(outline);
        setDefaultOutlineStroke(new BasicStroke(outlineWidth));
        setMaximumBarWidth(maxBarWidth);
    }

    /** The colour of the bar of {@code column}. */
    abstract Paint color(int column);

    /** Draws the label of {@code column}, whose value is null when the slot is empty. */
    abstract void label(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int column, Number value);

    @Override
    public final Paint getItemPaint(int row, int column) {
        return color(column);
    }

    @Override
    public final void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        if (pass == 0) {
            label(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, column, dataset.getValue(row, column));
        }
    }
}
