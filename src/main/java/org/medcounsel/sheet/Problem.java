package org.medcounsel.sheet;

/**
 * One thing wrong with a sheet, at a place an author can find.
 *
 * @param file  the file as the user would name it
 * @param line  1-based line, or 0 when the problem is about the whole file
 * @param level error (the sheet cannot be used) or warning (content to improve)
 */
public record Problem(String file, int line, Level level, String rule, String message) {

    /** How bad a problem is. */
    public enum Level {
        ERROR,
        WARNING
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, Level.ERROR, "structure", message);
    }

    /** {@code FILE:LINE: message}, the form compilers use and editors can jump to. */
    public String located() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
