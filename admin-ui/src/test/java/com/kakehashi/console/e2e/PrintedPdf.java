package com.kakehashi.console.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.Pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads what Chromium printed: the dashboard's text and chart images are there, the navigation is not. */
final class PrintedPdf {

    private PrintedPdf() {
    }

    static void assertCleanDashboard(Pdf pdf, List<String> present, List<String> absent) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("dashboard-print.pdf"), bytes);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertTrue(document.getNumberOfPages() >= 1, "printed pages");
            String text = new PDFTextStripper().getText(document);
            for (String expected : present) {
                assertTrue(text.contains(expected), "printed page lacks '" + expected + "'");
            }
            for (String unwanted : absent) {
                assertFalse(text.contains(unwanted), "printed page shows '" + unwanted + "' (navigation or controls)");
            }
            int images = 0;
            for (PDPage page : document.getPages()) {
                images += images(page.getResources(), 0);
            }
            // The three chart canvases print as raster images.
            assertTrue(images >= 3, "chart images in the printed PDF: " + images);
        }
    }

    private static int images(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 5) {
            return 0;
        }
        int count = 0;
        for (var name : resources.getXObjectNames()) {
            var object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                count++;
            } else if (object instanceof PDFormXObject form) {
                count += images(form.getResources(), depth + 1);
            }
        }
        return count;
    }
}
