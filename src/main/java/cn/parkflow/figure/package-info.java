/**
 * Kernel: figures that one process measures and another reports on, e.g. the incubator register's
 * count of valid high-quality incubators read by the key-task indicators. A process publishes a
 * {@link cn.parkflow.figure.FigureSource} bean; a reader asks for it by code, so neither process
 * knows the other.
 */
@ApplicationModule(displayName = "Figures", allowedDependencies = {})
package cn.parkflow.figure;

import org.springframework.modulith.ApplicationModule;
