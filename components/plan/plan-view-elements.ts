/**
 * The Plan view's elements that wait for its first paint: the chart element (its canvas library loads later still),
 * the settings' quantity fields (editors), the deployments grid and the issue list (both below the first screen). A module of its own so that the view imports
 * it dynamically while other views keep importing these elements statically (a dynamic import of an element's own
 * module made the bundler wrap it, and add its runtime, on every view).
 * @module
 */
import '../charts/rack-chart';
import '../inputs/rack-quantity-input';
import '../rack/rack-issue-list';
import './rack-plan-grid';
