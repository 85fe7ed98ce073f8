/**
 * The Compare view's elements that wait for its first paint: the table with the absolute charts (below the first
 * screen; it brings the chart element the view's own charts use) and the quantity fields of the target and the rack
 * densities. A module of its own so that the view imports it dynamically while other views keep importing the field
 * element statically (a dynamic import of an element's own module made the bundler wrap it, and add its runtime, on
 * every view).
 * @module
 */
import '../inputs/rack-quantity-input';
import './rack-compare-table';
