package org.stmagent.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws one workload's throughput against the thread count as an SVG line chart, one line per
 * variant, on a logarithmic throughput axis (the variants differ by orders of magnitude).
 */
final class SvgPlot {
    private static final String[] COLOURS = {
        "#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"
    };
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 540;
    private static final int TOP = 40;
    private static final int BOTTOM = 360;

    private SvgPlot() {
    }

    static String draw(WorkloadFigures figures) {
        List<Integer> threads = figures.threadCounts();
        double[] decades = decades(figures);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(svg, (LEFT + RIGHT) / 2.0, 22, "middle", "bold", figures.workload() + ": throughput against threads");
        for (double exponent = decades[0]; exponent <= decades[1]; exponent++) {
            double y = y(Math.pow(10, exponent), decades);
            line(svg, LEFT, y, RIGHT, y, "#dddddd");
            text(svg, LEFT - 6, y + 4, "end", "normal", String.format(Locale.ROOT, "%,.0f", Math.pow(10, exponent)));
        }
        for (int i = 0; i < threads.size(); i++) {
            double x = x(i, threads.size());
            line(svg, x, TOP, x, BOTTOM, "#eeeeee");
            text(svg, x, BOTTOM + 18, "middle", "normal", threads.get(i).toString());
        }
        line(svg, LEFT, BOTTOM, RIGHT, BOTTOM, "black");
        line(svg, LEFT, TOP, LEFT, BOTTOM, "black");
        text(svg, (LEFT + RIGHT) / 2.0, BOTTOM + 40, "middle", "normal", "threads");
        svg.append(String.format(Locale.ROOT,
                "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.1f)\">ops/ms (log scale)</text>%n",
                (TOP + BOTTOM) / 2.0, (TOP + BOTTOM) / 2.0));
        List<String> variants = figures.variants();
        for (int v = 0; v < variants.size(); v++) {
            drawVariant(svg, figures, variants.get(v), COLOURS[v % COLOURS.length], threads, decades);
            double legendY = TOP + 10 + 20 * v;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"24\" height=\"4\" fill=\"%s\"/>%n",
                    RIGHT + 20, legendY - 2, COLOURS[v % COLOURS.length]));
            text(svg, RIGHT + 50, legendY + 4, "start", "normal", variants.get(v));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void drawVariant(StringBuilder svg, WorkloadFigures figures, String variant, String colour,
            List<Integer> threads, double[] decades) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            Optional<Result> result = figures.find(variant, threads.get(i));
            if (result.isPresent() && result.get().score() > 0) {
                double x = x(i, threads.size());
                double y = y(result.get().score(), decades);
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", x, y, colour));
            }
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour, String.join(" ", points)));
    }

    /** The lowest and highest power of ten of the axis, spanning every positive score. */
    private static double[] decades(WorkloadFigures figures) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Result result : figures.results()) {
            if (result.score() > 0) {
                min = Math.min(min, result.score());
                max = Math.max(max, result.score());
            }
        }
        if (max == 0) {
            return new double[] {0, 1};
        }
        double low = Math.floor(Math.log10(min));
        double high = Math.max(Math.ceil(Math.log10(max)), low + 1);
        return new double[] {low, high};
    }

    private static double x(int index, int count) {
        return count == 1 ? (LEFT + RIGHT) / 2.0 : LEFT + 30 + (RIGHT - LEFT - 60) * index / (double) (count - 1);
    }

    private static double y(double score, double[] decades) {
        return BOTTOM - (BOTTOM - TOP) * (Math.log10(score) - decades[0]) / (decades[1] - decades[0]);
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, colour));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String weight, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, anchor, weight, escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
