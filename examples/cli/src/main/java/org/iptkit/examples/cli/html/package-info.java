/**
 * The self-contained HTML pages of the {@code ipt} tool: {@link
 * org.iptkit.examples.cli.html.CohortPage} for a researcher's cohort report and {@link
 * org.iptkit.examples.cli.html.CoursePage} for a supervisor's view of one course. Pages carry
 * their style and inline SVG charts, need no script and load nothing; every chart has a title
 * and a table with the same numbers for screen readers. Text is escaped by {@code Html}; patient
 * references and free text are never written.
 */
package org.iptkit.examples.cli.html;
